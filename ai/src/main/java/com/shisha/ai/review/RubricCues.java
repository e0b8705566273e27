package com.shisha.ai.review;

import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;

import java.util.List;
import java.util.Map;

import static com.shisha.ai.review.Facet.Where.AMOUNT;
import static com.shisha.ai.review.Facet.Where.ANYWHERE;
import static com.shisha.ai.review.Facet.Where.END;
import static com.shisha.ai.review.Facet.Where.QUESTION;
import static com.shisha.ai.review.Facet.Where.START;
import static com.shisha.ai.review.Facet.Where.STATED;
import static com.shisha.core.coach.CallReviews.Rubric.CLOSING;
import static com.shisha.core.coach.CallReviews.Rubric.COMPLIANCE_DISCLOSURES;
import static com.shisha.core.coach.CallReviews.Rubric.NEED_DISCOVERY;
import static com.shisha.core.coach.CallReviews.Rubric.OPENING;

/**
 * The phrases the rubric scorer looks for. Each facet's weights add up to 100 per item. Product explanation and
 * objection handling are scored from their own cue sets below, because they depend on the product and on what
 * the customer said.
 */
final class RubricCues {

    private RubricCues() {
    }

    /**
     * Asking for time and saying why one calls. Also keeps "kya do minute baat kar sakte hain?" from counting as
     * a need-discovery question. Declared before FACETS, which uses it: static fields initialise in order.
     */
    static final Cues PERMISSION = Cues.of("calling about", "calling regarding", "calling you", "good time",
            "two minutes", "2 minutes", "2 minute", "do minute", "baat kar sakte", "samay hai", "time hai", "call kiya",
            "is it okay", "दो मिनट", "2 मिनट", "बात कर सकते", "समय है", "कॉल किया");

    /** Declared before FACETS, which uses it. */
    static final Cues NOT_GUARANTEED = Cues.of("not guaranteed", "no guarantee", "not a guarantee",
            "can't guarantee", "cannot guarantee", "can not guarantee", "can't promise", "cannot promise",
            "not promise", "depends on", "lender decides", "bank decides", "market risk", "subject to",
            "guarantee nahi", "guarantee nahin", "depend karta", "nirbhar", "vada nahi", "wada nahi", "गारंटी नहीं",
            "निर्भर", "वादा नहीं", "बाजार जोखिम", "मार्केट रिस्क");

    static final List<Facet> FACETS = List.of(
            // no bare "hi": in Hinglish it is the emphasis particle ("aap hi"), not a greeting
            new Facet(OPENING, "greeting", 25, START, Cues.of("hello", "namaste", "namaskar", "namaskaar",
                    "good morning", "good afternoon", "good evening", "ram ram", "sat sri akal", "adaab", "नमस्ते",
                    "नमस्कार", "राम राम"),
                    "Open with a warm greeting before anything else: \"Namaste ji, good morning\".",
                    "बात की शुरुआत गर्मजोशी भरे अभिवादन से करें: \"नमस्ते जी\"।"),
            new Facet(OPENING, "introduction", 25, START, Cues.of("my name is", "this is", "i am", "i'm", "mera naam",
                    "bol raha", "bol rahi", "speaking", "मेरा नाम", "बोल रहा", "बोल रही"),
                    "Say your name in the first sentence so the customer knows who is calling.",
                    "पहले ही वाक्य में अपना नाम बताएँ ताकि ग्राहक जाने कि कौन बात कर रहा है।"),
            new Facet(OPENING, "gromo", 25, START, Cues.of("gromo", "ग्रोमो"),
                    "Mention that you are a GroMo partner at the start: it explains why you are calling and builds trust.",
                    "शुरुआत में बताएँ कि आप GroMo पार्टनर हैं: इससे कॉल का कारण साफ़ होता है और भरोसा बनता है।"),
            new Facet(OPENING, "purpose and permission", 25, START, PERMISSION,
                    "Ask for two minutes and say why you are calling before you start the pitch.",
                    "पिच शुरू करने से पहले दो मिनट माँगें और बताएँ कि आप क्यों कॉल कर रहे हैं।"),

            new Facet(NEED_DISCOVERY, "open question", 20, QUESTION, Cues.of("what", "how", "why", "which", "tell me",
                    "kya", "kaise", "kaisa", "kyun", "kyon", "kyu", "kaun", "kaunsa", "kitna", "kitni", "kitne", "kis",
                    "kisko", "kiske", "kahan", "bataiye", "batayiye", "batao", "क्या", "कैसे", "क्यों", "कौन", "कितना",
                    "कितनी", "कितने", "किस", "किसके", "कहाँ", "बताइए", "बताइये"),
                    "Ask open questions (what, how, why) and let the customer talk before you suggest a product.",
                    "प्रोडक्ट बताने से पहले खुले सवाल पूछें (क्या, कैसे, क्यों) और ग्राहक को बोलने दें।"),
            new Facet(NEED_DISCOVERY, "need or goal", 20, QUESTION, Cues.of("need", "needs", "needed", "goal", "plan",
                    "planning", "purpose", "for what", "savings", "save", "saving", "invest", "investment", "spend",
                    "expenses", "bachat", "nivesh", "kharcha", "बचत", "निवेश", "खर्च", "खर्चा", "looking for", "want", "wanting", "requirement", "use it for",
                    "use the money", "zarurat", "zaroorat", "jarurat", "requirement", "kis liye", "kisliye",
                    "kis kaam", "kis cheez", "kyon chahiye", "chahiye", "chahte", "chahti", "sapna", "lakshya",
                    "जरूरत", "लक्ष्य", "सपना", "किस काम", "किसलिए", "किस लिए", "चाहिए", "चाहते", "चाहती"),
                    "Ask what the money or cover is for: the customer's goal decides the right product.",
                    "पूछें कि पैसा या कवर किस काम के लिए चाहिए: ग्राहक का लक्ष्य ही सही प्रोडक्ट तय करता है।"),
            new Facet(NEED_DISCOVERY, "income", 20, QUESTION, Cues.of("income", "salary", "earn*", "kamai", "kamate",
                    "kamaate", "naukri", "job", "work", "business", "what do you do", "kaam", "dhandha", "tankhwah",
                    "aay", "aamdani", "salaried", "self employed", "आय", "आमदनी", "सैलरी", "तनख्वाह", "कमाई", "कमाते",
                    "नौकरी", "काम", "धंधा", "बिजनेस"),
                    "Ask about their work and monthly income so the EMI or premium you suggest fits.",
                    "उनके काम और मासिक आय के बारे में पूछें ताकि सुझाई गई EMI या प्रीमियम उनके बजट में हो।"),
            new Facet(NEED_DISCOVERY, "family", 20, QUESTION, Cues.of("family", "children", "kids", "wife", "husband",
                    "parents", "dependents", "depends on", "depend on", "parivar", "bachche", "bacche", "patni", "pati",
                    "ghar mein", "ghar me", "mata pita", "परिवार", "बच्चे", "पत्नी", "पति", "माता-पिता", "माता पिता",
                    "घर में", "निर्भर"),
                    "Ask who depends on them (family, children, parents): it shapes cover and repayment.",
                    "पूछें कि उन पर कौन निर्भर है (परिवार, बच्चे, माता-पिता): इसी से कवर और चुकाने की क्षमता तय होती है।"),
            new Facet(NEED_DISCOVERY, "current situation", 20, QUESTION, Cues.of("existing", "already have",
                    "currently", "any loan", "any other", "other loan", "any card", "any policy", "which bank",
                    "running", "pehle se", "abhi koi", "koi loan", "koi policy", "koi card", "chal raha", "chal rahi",
                    "kaun sa bank", "kaunsa bank", "पहले से", "कोई लोन", "कोई पॉलिसी", "कोई कार्ड", "चल रहा",
                    "चल रही", "कौन सा बैंक"),
                    "Ask what they already have (loans, EMIs, policies, accounts) before offering something new.",
                    "नया कुछ देने से पहले पूछें कि उनके पास पहले से क्या है (लोन, EMI, पॉलिसी, खाता)।"),

            // what it costs: a fee or a rate stated, not merely asked about (see Where.STATED)
            new Facet(COMPLIANCE_DISCLOSURES, "charges", 20, STATED, Cues.of("charges", "charge", "charj", "fee",
                    "fees", "processing fee", "annual fee", "joining fee", "late fee", "late payment", "penalty",
                    "gst", "hidden charge*", "shulk", "फीस", "शुल्क", "चार्ज", "जुर्माना", "पेनल्टी"),
                    "State the fees and charges (processing fee, annual fee) plainly before the customer agrees.",
                    "ग्राहक के हाँ कहने से पहले सभी फ़ीस और चार्ज (प्रोसेसिंग फ़ीस, सालाना फ़ीस) साफ़ बताएँ।"),
            new Facet(COMPLIANCE_DISCLOSURES, "rate", 15, AMOUNT, Cues.of("interest rate", "rate of interest",
                    "interest", "apr", "a p r", "annual percentage", "per annum", "percent per", "reducing",
                    "flat rate", "byaj", "byaaj", "byaj dar", "sood", "premium", "brokerage", "amc", "ब्याज", "ब्याज दर",
                    "सूद", "प्रीमियम", "ब्रोकरेज", "सालाना"),
                    "Say the interest rate (or premium, or brokerage) and what it adds up to per month.",
                    "ब्याज दर (या प्रीमियम, ब्रोकरेज) बताएँ और महीने में कितना बनता है, यह भी।"),
            new Facet(COMPLIANCE_DISCLOSURES, "terms", 20, STATED, Cues.of("terms", "conditions", "t&c",
                    "t and c", "agreement", "read the", "fine print", "key fact*", "kfs", "cooling off",
                    "cooling-off", "cooling period", "free look", "free-look", "look up period", "cancel within",
                    "cancel it within", "cancel kar", "wapas kar", "return within", "days to cancel", "sharten",
                    "shartein", "shart", "niyam", "padh lijiye", "padhiye", "padh lena", "शर्तें", "शर्त", "नियम",
                    "पढ लीजिए", "पढिए", "पढ़ लें", "कूलिंग ऑफ", "फ्री लुक", "फ्री-लुक", "रद्द", "कैंसल"),
                    "Ask the customer to read the terms in the app, and say how long they have to cancel.",
                    "आवेदन से पहले ग्राहक से ऐप में नियम और शर्तें पढ़ने को कहें, और बताएँ कि कितने दिन में रद्द कर सकते हैं।"),
            new Facet(COMPLIANCE_DISCLOSURES, "not guaranteed", 15, STATED, NOT_GUARANTEED,
                    "Say that approval, rates and returns are not guaranteed: the lender or market decides.",
                    "साफ़ कहें कि मंज़ूरी, ब्याज दर या रिटर्न की गारंटी नहीं है: फ़ैसला लेंडर या बाज़ार का है।"),
            new Facet(COMPLIANCE_DISCLOSURES, "kyc", 15, ANYWHERE, Cues.of("kyc", "k y c", "pan", "pan card",
                    "aadhaar", "aadhar", "adhar", "documents", "document", "verification", "verify", "video kyc",
                    "केवाईसी", "के वाई सी", "पैन", "आधार", "दस्तावेज", "कागज", "डॉक्यूमेंट"),
                    "Explain the KYC step (PAN, Aadhaar) and that documents must be the customer's own.",
                    "KYC (PAN, आधार) का तरीका समझाएँ और बताएँ कि दस्तावेज़ ग्राहक के अपने और असली हों।"),
            new Facet(COMPLIANCE_DISCLOSURES, "consent", 15, ANYWHERE, Cues.of("consent", "permission", "agree",
                    "do you agree", "your choice", "if you are okay", "okay with you", "only if you want", "sahmati",
                    "ijazat", "marzi", "marji", "aapki permission", "aap chahen to", "aap chahe to", "सहमति",
                    "इजाजत", "मर्जी", "आपकी सहमति", "आप चाहें तो"),
                    "Ask for the customer's consent before you start the application or share their details.",
                    "आवेदन शुरू करने या उनकी जानकारी आगे भेजने से पहले ग्राहक की सहमति लें।"),

            new Facet(CLOSING, "ask", 40, END, Cues.of("shall i", "shall we", "should i", "let's", "lets start",
                    "let us", "apply", "fill the form", "send you the link", "send the link", "send you", "proceed",
                    "register", "sign up", "start the application", "book", "form bhar", "link bhej", "bhejta", "bhejti", "bhejunga", "bhejungi", "bhej raha", "bhej rahi",
                    "bhej dunga", "bhej dungi", "bhej doon",
                    "bhej du", "bhej deta", "bhej deti", "shuru kar", "aage badh", "karein kya", "kar dete", "kar doon",
                    "kar du", "apply kar", "फॉर्म भर", "लिंक भेज", "भेजता", "भेजती", "भेजूंगा", "भेजूंगी", "भेज रहा", "भेज रही", "भेज दूं", "भेज देता", "भेज देती", "शुरू कर",
                    "आगे बढ", "करें क्या", "कर देते", "कर दूं", "अप्लाई"),
                    "End with a clear ask: \"Shall I send the application link now?\"",
                    "कॉल के अंत में साफ़ पूछें: \"क्या मैं अभी आवेदन का लिंक भेज दूँ?\""),
            new Facet(CLOSING, "time", 20, END, Cues.of("today", "tomorrow", "tonight", "this week", "monday",
                    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "o'clock", "evening", "morning",
                    "aaj", "kal", "baje", "shaam", "subah", "parson", "आज", "कल", "बजे", "शाम", "सुबह", "परसों"),
                    "Fix a time for the next step (\"tomorrow at 5\") instead of \"I'll call sometime\".",
                    "अगले कदम का समय तय करें (\"कल 5 बजे\"), \"कभी कॉल करूँगा\" नहीं।"),
            new Facet(CLOSING, "documents ready", 20, END, Cues.of("keep ready", "keep your", "ready rakh*",
                    "taiyar rakh*", "tayyar rakh*", "तैयार रख", "रेडी रख"),
                    "Tell the customer which documents to keep ready for the next step.",
                    "ग्राहक को बताएँ कि अगले कदम के लिए कौन से दस्तावेज़ तैयार रखें।"),
            new Facet(CLOSING, "follow-up", 10, END, Cues.of("follow up", "call back", "call you", "i will call",
                    "i'll call", "whatsapp", "message you", "dobara", "phir se call", "call karunga", "call karungi", "call karun", "call karoon", "phone",
                    "फोन", "कॉल करूं", "कॉल करूँ",
                    "call karta", "call karti", "दोबारा", "फिर से कॉल", "कॉल करूंगा", "कॉल करूंगी", "व्हाट्सएप"),
                    "Agree how and when you will follow up, so the call does not end in silence.",
                    "फ़ॉलो-अप कैसे और कब होगा, यह तय करें ताकि कॉल चुप्पी पर खत्म न हो।"),
            new Facet(CLOSING, "thanks", 10, END, Cues.of("thank*", "dhanyavad", "dhanyawad", "shukriya", "refer",
                    "धन्यवाद", "शुक्रिया"),
                    "Thank the customer; ask for a referral if they are happy.",
                    "ग्राहक को धन्यवाद दें; खुश हों तो रेफ़रल माँगें।"));

    /** Question words that make a sentence a question when speech-to-text left out the question mark. */
    static final Cues QUESTION_WORDS = Cues.of("what", "how", "why", "which", "when", "where", "who", "whom",
            "do you", "did you", "does your", "are you", "have you", "can you", "could you", "would you",
            "will you", "is your", "is it", "is there", "tell me", "kya", "kaise", "kaisa", "kaisi", "kyun", "kyon",
            "kyu", "kaun", "kaunsa", "kitna", "kitni", "kitne", "kab", "kahan", "kis", "kisko", "kiske", "kise",
            "bataiye", "batayiye", "batao", "क्या", "कैसे", "कैसा", "क्यों", "कौन", "कितना", "कितनी", "कितने", "कब",
            "कहाँ", "किस", "किसको", "किसके", "बताइए", "बताइये");
    /** Tags that make a statement a question at its end: "emi theek hai na", "that works right". */
    static final Cues QUESTION_TAGS = Cues.of("na", "hai na", "right", "isn't it", "correct", "na ji", "ना", "है ना");
    /** An amount makes a cost statement a disclosure even when it ends in a question tag. */
    static final Cues AMOUNTS = Cues.of("percent", "percentage", "%", "rupees", "rupaye", "rs", "inr", "zero", "nil",
            "free", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "eighteen", "twenty", "thirty", "hundred",
            "thousand", "lakh", "ek", "teen", "char", "paanch", "chhe", "saat", "aath", "nau", "das", "barah",
            "chaudah", "pandrah", "solah", "athara", "bees", "sau", "hazaar", "hazar", "pratishat", "pratisat",
            "pratishat", "prati", "रुपये", "रुपए", "प्रतिशत", "हजार", "लाख", "सौ", "एक", "दो", "तीन", "चार", "पांच",
            "दस", "बारह", "चौदह", "पंद्रह", "सोलह", "अठारह", "बीस", "मुफ्त", "फ्री");

    /** Promises a partner must never make; each one found costs the compliance score {@link #PROMISE_PENALTY}. */
    static final Cues PROMISES = Cues.of("guaranteed approval", "approval guaranteed", "100% approval",
            "100 percent approval", "surely approved", "definitely approved", "definitely get", "sure shot",
            "guaranteed return*", "assured return*", "double your money", "no risk", "risk free", "risk-free",
            "pakka approve", "pakka milega", "pakka mil", "zaroor milega", "jaroor milega", "paisa double",
            "koi risk nahi", "पक्का मिलेगा", "पक्का अप्रूव", "जरूर मिलेगा", "पैसा डबल", "कोई रिस्क नहीं",
            "कोई जोखिम नहीं");
    static final int PROMISE_PENALTY = 40;

    /** Asking for an OTP, PIN, CVV or password is fraud's signature; it costs {@link #SECRET_PENALTY}. */
    static final Cues SECRETS = Cues.of("otp bata", "otp batao", "otp share", "share the otp", "share your otp",
            "tell me the otp", "give me the otp", "send me the otp", "otp bhej", "pin bata", "share your pin",
            "password bata", "your password", "cvv", "ओटीपी बता", "ओटीपी भेज", "पिन बता", "पासवर्ड बता");
    static final int SECRET_PENALTY = 60;

    static final String PROMISE_TIP_EN = "Never promise approval, rates or returns: say the lender or market decides, and show the offer in the GroMo app.";
    static final String PROMISE_TIP_HI = "मंज़ूरी, ब्याज दर या रिटर्न का वादा कभी न करें: कहें कि फ़ैसला लेंडर या बाज़ार का है, और ऑफ़र GroMo ऐप में दिखाएँ।";
    static final String SECRET_TIP_EN = "Never ask a customer for an OTP, PIN, CVV or password, not even to help: it is how fraud works.";
    static final String SECRET_TIP_HI = "ग्राहक से OTP, PIN, CVV या पासवर्ड कभी न माँगें, मदद के लिए भी नहीं: धोखाधड़ी ऐसे ही होती है।";

    // objection handling: a customer objection, and the partner's next sentences answering it

    static final Cues OBJECTIONS = Cues.of("too expensive", "expensive", "costly", "too much", "too high",
            "think about it", "think it over", "not interested", "no need", "don't need", "do not need",
            "already have", "no time", "don't trust", "do not trust", "can't trust", "is it a fraud", "scam",
            "hidden charges", "call me later", "ask my", "mehenga", "mehnga", "mahanga", "sochunga", "sochenge",
            "soch ke", "soch kar", "interest nahi", "zarurat nahi", "jarurat nahi", "pehle se hai", "time nahi",
            "bharosa nahi", "dhokha", "fraud", "byaj zyada", "rate zyada", "baad mein baat", "puch ke", "puchh ke",
            "महंगा", "सोचूंगा", "सोचेंगे", "सोच कर", "सोचकर", "जरूरत नहीं", "पहले से है", "समय नहीं", "भरोसा नहीं",
            "धोखा", "ब्याज ज्यादा", "बाद में बात", "पूछकर", "पूछ कर",
            // money, fear and stalling, in the words customers use
            "no money", "don't have money", "don't have the money", "can't afford", "cannot afford", "can't take",
            "cannot take", "not possible", "risky", "risk", "lose money", "scared", "afraid", "worried",
            "i'll think", "i will think", "let me think", "maybe later", "some other time", "paise nahi", "paisa nahi",
            "afford nahi", "risk hai", "doob", "dar lagta", "darr lagta", "dar hai", "sochna", "sochta", "sochti",
            "sochungi", "bataunga", "bataungi", "abhi nahi", "nahi chahiye", "पैसे नहीं", "पैसा नहीं", "जोखिम है",
            "डूब", "डर लगता", "डर है", "सोचना", "सोचता", "सोचती", "सोचूंगी", "बताऊंगा", "बताऊंगी", "अभी नहीं",
            "नहीं चाहिए",
            // refusals and worries said outright
            "don't want", "do not want", "not want", "don't like", "never use", "trap", "more debt", "in debt", "into debt", "loss",
            "nahi lena", "nahi kholna", "nahi karna", "karza", "karz", "bhari", "bhaari", "nuksan", "nuksaan",
            "नहीं लेना", "नहीं खोलना", "नहीं करना", "कर्ज", "भारी", "नुकसान");
    /**
     * "Already" is an objection in the customer's mouth ("I have one already"); unlabelled it is as often the
     * partner's ("pehle se bimari pe waiting period hai").
     */
    static final Cues CUSTOMER_OBJECTIONS = Cues.of("already", "pehle se", "पहले से");
    static final Cues ANSWERS = Cues.of("because", "that's why", "that is why", "which is why", "isiliye",
            "isi liye", "इसीलिए", "actually", "only", "just", "compare", "but",
            "however", "let me explain", "for example", "which means", "that means", "so you", "per day",
            "per month", "let me show", "option", "instead", "smaller", "lower", "cheaper", "kyunki", "kam", "chhota",
            "sasta", "vikalp", "सस्ता", "विकल्प", "ऑप्शन", "कम", "isliye", "lekin", "sirf", "bas", "dekhiye", "matlab", "roz", "mahine",
            "क्योंकि", "इसलिए", "लेकिन", "सिर्फ", "बस", "देखिए", "मतलब", "रोज", "महीने");
    static final Cues EMPATHY = Cues.of("i understand", "understand", "fair point", "valid", "good question",
            "of course", "no problem", "right question", "samajh", "sahi baat", "bilkul", "samjha", "समझ", "सही बात",
            "बिल्कुल", "बिलकुल");
    /** Sentences after an objection that may answer it, before the customer speaks again or a new objection. */
    static final int ANSWER_WINDOW = 3;
    /** Without any objection there is nothing to judge: this neutral score is given and no skill delta follows. */
    static final int NOT_OBSERVED_SCORE = 50;

    static final String OBJECTION_TIP_UNANSWERED_EN = "When the customer objects, don't move on: answer it with a fact (\"only Rs 20 a day\", \"the fee is shown upfront\").";
    static final String OBJECTION_TIP_UNANSWERED_HI = "ग्राहक आपत्ति करे तो आगे न बढ़ें: उसका जवाब किसी तथ्य से दें (\"सिर्फ़ 20 रुपये रोज़\", \"फ़ीस पहले ही दिखती है\")।";
    static final String OBJECTION_TIP_EMPATHY_EN = "Acknowledge an objection before answering it (\"I understand, that is a fair question\").";
    static final String OBJECTION_TIP_EMPATHY_HI = "आपत्ति का जवाब देने से पहले उसे मानें (\"मैं समझता हूँ, सही सवाल है\")।";
    static final String OBJECTION_TIP_NONE_EN = "Invite doubts before closing (\"Is anything worrying you?\"): an objection answered on the call is better than a silent no.";
    static final String OBJECTION_TIP_NONE_HI = "क्लोज़ करने से पहले शंका पूछें (\"कोई बात खटक रही है?\"): कॉल पर दिया जवाब चुप्पी वाली ना से बेहतर है।";

    // product explanation: the product named, its facts, and benefits in the customer's terms

    static final int PRODUCT_NAMED = 20;
    static final int PER_FACT = 15;
    static final int MAX_FACTS = 4;
    static final int BENEFIT = 20;

    record ProductCues(Cues names, List<String> facts) {
    }

    static final Map<Product, ProductCues> PRODUCTS = Map.of(
            Product.LOANS, new ProductCues(Cues.of("loan", "loans", "karz", "karza", "लोन", "कर्ज"),
                    List.of("emi", "tenure", "interest rate", "processing fee", "cibil", "credit score", "prepayment",
                            "foreclosure", "disburs*", "gold loan", "collateral", "byaj", "avadhi", "girvi", "ईएमआई",
                            "अवधि", "ब्याज दर", "प्रोसेसिंग", "सिबिल", "क्रेडिट स्कोर", "गिरवी", "गोल्ड लोन")),
            Product.CREDIT_CARDS, new ProductCues(Cues.of("credit card", "credit cards", "क्रेडिट कार्ड"),
                    List.of("annual fee", "joining fee", "credit limit", "limit", "interest-free", "interest free",
                            "minimum due", "reward*", "cashback", "billing cycle", "due date", "lounge", "लिमिट",
                            "ब्याज-मुक्त", "मिनिमम ड्यू", "रिवॉर्ड", "कैशबैक", "बिल", "ड्यू डेट")),
            Product.INSURANCE, new ProductCues(Cues.of("insurance", "policy", "term plan", "bima", "बीमा",
                    "इंश्योरेंस", "पॉलिसी"),
                    List.of("premium", "sum insured", "sum assured", "cover", "claim", "free-look", "free look",
                            "waiting period", "rider", "cashless", "nominee", "प्रीमियम", "कवर", "क्लेम", "फ्री-लुक",
                            "फ्री लुक", "वेटिंग पीरियड", "राइडर", "कैशलेस", "नॉमिनी")),
            Product.SAVINGS_ACCOUNTS, new ProductCues(Cues.of("savings account", "saving account", "fixed deposit",
                    "recurring deposit", "fd", "rd", "bachat khata", "बचत खाता", "सेविंग्स", "एफडी", "आरडी"),
                    List.of("minimum balance", "maturity", "dicgc", "insured up to", "debit card", "upi", "nomination",
                            "tds", "premature", "मिनिमम बैलेंस", "मैच्योरिटी", "डेबिट कार्ड", "यूपीआई", "समय से पहले")),
            Product.DEMAT, new ProductCues(Cues.of("demat", "trading account", "डीमैट", "ट्रेडिंग"),
                    List.of("shares", "share", "mutual fund*", "brokerage", "annual maintenance", "amc", "market risk",
                            "sip", "ipo", "depository", "cdsl", "nsdl", "शेयर", "म्यूचुअल फंड", "ब्रोकरेज", "एसआईपी",
                            "आईपीओ", "बाजार जोखिम")));

    static final Cues BENEFITS = Cues.of("which means", "that means", "so you", "benefit", "helps you", "you can",
            "fayda", "faayda", "iska matlab", "kar sakte", "फायदा", "इसका मतलब", "कर सकते");

    static final String PRODUCT_TIP_NAME_EN = "Name the product early and say in one line what it is.";
    static final String PRODUCT_TIP_NAME_HI = "प्रोडक्ट का नाम जल्दी बताएँ और एक लाइन में समझाएँ कि यह क्या है।";
    static final String PRODUCT_TIP_FACTS_EN = "Explain two or three facts of the product (EMI and tenure, premium and cover, fees) using the figures in the GroMo app.";
    static final String PRODUCT_TIP_FACTS_HI = "प्रोडक्ट के दो-तीन तथ्य समझाएँ (EMI और अवधि, प्रीमियम और कवर, फ़ीस), आँकड़े GroMo ऐप से लें।";
    static final String PRODUCT_TIP_BENEFIT_EN = "Turn each feature into a benefit for this customer: \"...which means you can ...\".";
    static final String PRODUCT_TIP_BENEFIT_HI = "हर फ़ीचर को ग्राहक के फ़ायदे में बदलें: \"...इसका मतलब आप ... कर सकते हैं\"।";
}
