package com.shisha.ai.coach;

import com.shisha.core.Language;
import com.shisha.core.coach.CoachReply;

/** The coach's fixed texts in English and Hindi. */
final class CoachMessages {

    private CoachMessages() {
    }

    static String escalated(Language language, String reference) {
        String ref = reference == null ? "" : (language == Language.HI ? " आपका रेफ़रेंस नंबर: " + reference + "।" : " Your reference: " + reference + ".");
        return language == Language.HI
                ? "यह गंभीर मामला है, इसलिए मैंने इसे GroMo सपोर्ट टीम के पास भेज दिया है।" + ref
                  + " टीम का कोई सदस्य आपसे इसी नंबर पर कॉल या मैसेज से संपर्क करेगा। तब तक किसी को OTP, PIN या पैसे न दें।"
                : "This needs a person, so I have passed it to the GroMo support team." + ref
                  + " Someone from the team will contact you on this number by call or message. Until then, do not share any OTP or PIN, or pay anyone."
        ;
    }

    static String outOfScope(Language language) {
        return language == Language.HI
                ? "माफ़ कीजिए, इसमें मैं मदद नहीं कर सकता। मैं आपका GroMo सेल्स कोच हूँ: लोन, क्रेडिट कार्ड, इंश्योरेंस, बचत खाते और डीमैट के बारे में, और ग्राहक से बात करने, आपत्तियों का जवाब देने और सेल पूरी करने के बारे में पूछिए।"
                : "Sorry, I can't help with that. I'm your GroMo sales coach: ask me about loans, credit cards, insurance, savings accounts and demat accounts, or about talking to customers, handling objections and closing a sale.";
    }

    /** Nothing in the guide answers it: better to say so and offer a person than to send an unrelated passage. */
    static String noPassage(Language language) {
        return language == Language.HI
                ? "हमारी गाइड में इस पर कुछ नहीं है, इसलिए मैं अंदाज़ा नहीं लगाऊँगा। दूसरे शब्दों में पूछिए, या GroMo टीम के किसी व्यक्ति से बात करने के लिए AGENT लिखें।"
                : "Our guide has nothing on that, so I won't guess. Ask me another way, or type AGENT to talk to a person from the GroMo team.";
    }

    static String roleChangeRefused(Language language) {
        return language == Language.HI
                ? "मैं अपनी भूमिका नहीं बदल सकता और अपने निर्देश साझा नहीं करता। मैं आपका GroMo सेल्स कोच ही रहूँगा: लोन, क्रेडिट कार्ड, इंश्योरेंस, बचत खाते, डीमैट या सेल्स के बारे में कोई सवाल पूछिए।"
                : "I can't change my role or share my instructions. I'm still your GroMo sales coach: ask me anything about loans, credit cards, insurance, savings accounts, demat accounts or selling.";
    }

    /**
     * Said before the guide's text, so the partner knows it is not a tailored answer, and why: "not installed" will
     * not change by waiting, "busy" and "slow" will, and a rejected answer is worth asking again in other words.
     */
    static String notice(CoachReply.ModelState state, Language language) {
        boolean hi = language == Language.HI;
        return switch (state) {
            case NOT_INSTALLED -> hi ? "इस सर्वर पर कोच का एआई मॉडल अभी लगाया नहीं गया है। तब तक हमारी गाइड से:"
                    : "No AI model is installed for the coach on this server yet. Until then, from our guide:";
            case UNAVAILABLE -> hi ? "कोच का एआई मॉडल अभी बंद है। हमारी गाइड से:"
                    : "The AI coach is offline right now. From our guide:";
            case BUSY -> hi ? "कोच का एआई मॉडल अभी दूसरे पार्टनरों के सवालों में व्यस्त है। अभी के लिए हमारी गाइड से:"
                    : "The AI coach is busy with other partners' questions. For now, from our guide:";
            case SLOW -> hi ? "कोच का एआई मॉडल अभी जवाब देने में बहुत समय ले रहा है। अभी के लिए हमारी गाइड से:"
                    : "The AI coach is taking too long to answer right now. For now, from our guide:";
            case REJECTED -> hi ? "एआई का जवाब हमारी जाँच में पास नहीं हुआ, इसलिए हमारी गाइड से:"
                    : "The AI's answer did not pass our checks, so here is our guide instead:";
            case ANSWERED, NOT_ASKED -> null;
        };
    }

    static String seeAlso(Language language) {
        return language == Language.HI ? "यह भी देखें:" : "See also:";
    }
}
