package com.shisha.dialogs.understanding;

import java.util.List;
import java.util.Set;

/**
 * Words of English, Hinglish and (romanised) Hindi that surround a place name in a message and must never be read
 * as one, however close they come to a town's name ("main" to Mainpuri, "shahar" to Shahabad, "rehta" to Rehti).
 * Words that begin or end real names (new, old, greater, navi, port, sri, nagar, north...) are not here.
 */
final class StopWords {

    private StopWords() {
    }

    private static final Set<String> WORDS = Set.copyOf(List.of(
            // English
            "a", "an", "the", "i", "im", "am", "is", "are", "was", "were", "be", "been", "being", "my", "me", "mine",
            "we", "our", "ours", "us", "you", "your", "he", "she", "his", "her", "they", "them", "their", "it", "its",
            "this", "that", "these", "those", "here", "there", "in", "at", "on", "of", "to", "from", "for", "with",
            "by", "near", "nearby", "around", "close", "into", "and", "or", "but", "so", "also", "just", "only",
            "very", "not", "no", "yes", "yeah", "yup", "ok", "okay", "okk", "hi", "hello", "hey", "sir", "madam",
            "mam", "maam", "please", "pls", "plz", "thanks", "thank", "thankyou", "work", "works", "working",
            "worked", "job", "office", "live", "lives", "living", "lived", "stay", "stays", "staying", "based",
            "located", "currently", "now", "right", "city", "town", "village", "district", "state", "area",
            "place", "location", "native", "home", "hometown", "belong", "belongs", "come", "comes", "coming", "do",
            "does", "did", "dont", "don", "know", "sure", "idea", "nothing", "anything", "something", "what",
            "which", "where", "who", "why", "how", "when", "whats", "name", "called", "cant", "can", "will", "would",
            "should", "could", "may", "might", "must", "have", "has", "had", "get", "got", "go", "going", "gone",
            "lol", "hmm", "hmmm", "bro", "good", "morning", "evening", "night", "day", "today", "tomorrow",
            "yesterday", "want", "wants", "need", "sell", "selling", "sale", "sales", "partner", "agent", "team",
            "business", "customer", "customers", "people", "some", "any", "all", "many", "much", "more", "most",
            "other", "side", "part", "outside", "inside", "since", "years", "year", "born", "grew", "up", "moved",
            "shifted", "currently", "presently", "basically", "actually", "tell", "said", "say", "says", "like",
            "see", "top", "best", "list", "show", "give", "send", "india", "indian", "country", "district",
            "nahi", "yaar", "fine", "than", "along",
            // Hinglish
            "main", "mai", "mein", "mei", "mein", "me", "mera", "meri", "mere", "hum", "ham", "hamara", "hamari",
            "hamare", "apna", "apni", "apne", "aap", "aapka", "aapki", "tum", "tera", "se", "say", "hoon", "hun",
            "hu", "hoo", "hai", "hain", "hei", "hay", "ho", "tha", "thi", "the", "ka", "ki", "ke", "ko", "ne",
            "par", "pe", "wala", "wali", "wale", "vala", "vali", "vale", "kaam", "kam", "karta", "karti", "karte",
            "karna", "kar", "krta", "krti", "krte", "raha", "rahi", "rahe", "rehta", "rehti", "rehte", "rahta",
            "rahti", "rahte", "reh", "rah", "rhta", "rhti", "shahar", "shehar", "sheher", "sahar", "shahr", "gaon",
            "gao", "gaanv", "ganv", "gav", "jila", "zila", "jilla", "zilla", "paas", "pass", "nazdik", "najdik",
            "nazdeek", "najdeek", "yaha", "yahan", "yahaan", "waha", "wahan", "vahan", "wahaan", "abhi", "ab",
            "aur", "bhi", "nahin", "na", "haan", "ha", "han", "ji", "kya", "kaha", "kahan", "kahaan", "kidhar",
            "idhar", "udhar", "theek", "thik", "accha", "acha", "achha", "shukriya", "dhanyavad", "dhanyawad",
            "namaste", "namaskar", "pata", "malum", "maloom", "mujhe", "muje", "mujhko", "naam", "ghar", "bas",
            "basa", "hoga", "hogi", "kuch", "koi", "sab", "bhai", "didi", "behen", "sahab", "saab", "kaise",
            "kyun", "kyu", "aapke", "unka", "uska", "iska", "jagah", "jaga", "sheher", "nagri", "ilaka", "ilaaka",
            "mohalla", "agar", "chahiye", "batao", "bataiye", "bolo", "boliye", "dikhao", "dekho", "log", "logo",
            // romanised Hindi (as Devanagari.toLatin spells it)
            "maim", "mem", "haim", "kama", "nahim", "yaham", "vaham", "kaham", "maimne", "pas", "nam", "gamv",
            "gamva", "hum", "ghara", "jagaha", "samay", "bhi", "mujhe", "sahar"));

    /**
     * Common given names and surnames that are no place: a partner who answers with a name must not be told that
     * Priya is Periya or Kumar is Kumhari. A town that is also a name (Sagar, Anand) is still found when spelled
     * exactly; these only never count as a misspelt place.
     */
    private static final Set<String> PERSON_NAMES = Set.copyOf(List.of(
            "rahul", "amit", "sumit", "rohit", "mohit", "ankit", "anil", "sunil", "ravi", "rajesh", "ramesh", "suresh",
            "mahesh", "dinesh", "naresh", "mukesh", "rakesh", "vikas", "vikash", "vijay", "ajay", "sanjay", "manoj",
            "deepak", "pankaj", "sandeep", "pradeep", "kuldeep", "sachin", "vishal", "nitin", "arun", "varun",
            "tarun", "karan", "arjun", "akash", "aakash", "aman", "abhishek", "ashish", "ashok", "alok", "vivek",
            "gaurav", "saurabh", "sourabh", "shubham", "harsh", "kunal", "vinod", "pramod", "prakash", "santosh",
            "sunita", "anita", "kavita", "savita", "geeta", "gita", "rekha", "priya", "pooja", "puja", "neha", "sneha",
            "anjali", "nisha", "ritu", "rita", "seema", "suman", "poonam", "pinki", "pinky", "kiran", "shweta",
            "swati", "divya", "jyoti", "komal", "manisha", "monika", "payal", "preeti", "priyanka", "radha", "rani",
            "sapna", "shalini", "sonam", "sonia", "usha", "asha", "meena", "lakshmi", "laxmi", "mohammed", "mohammad",
            "mohd", "imran", "salman", "irfan", "kumar", "kumari", "singh", "sharma", "verma", "gupta", "yadav",
            "patel", "shah", "jain", "agarwal", "aggarwal", "mishra", "tiwari", "pandey", "dubey", "chauhan",
            "thakur", "rathore", "rajput", "chaudhary", "choudhary", "reddy", "naidu", "nair", "menon", "iyer",
            "pillai", "mehta", "joshi", "desai", "patil", "pawar", "jadhav", "kulkarni", "deshmukh", "shinde", "khan",
            "ansari", "qureshi", "shaikh", "sheikh", "sinha", "srivastava", "saxena", "tripathi", "shukla",
            "dwivedi", "chaturvedi", "bhatt", "banerjee", "chatterjee", "mukherjee", "ghosh", "bose", "dutta",
            "kaur", "sandhu", "sidhu", "malhotra", "kapoor", "khanna", "arora", "bansal", "goyal", "garg", "mittal",
            "sethi", "bhatia"));

    static boolean isPersonName(String word) {
        return PERSON_NAMES.contains(word);
    }

    /** Single letters are never a place either ("I", "'s"). */
    static boolean isStop(String word) {
        return word.length() < 2 || WORDS.contains(word);
    }
}
