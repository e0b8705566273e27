package com.shisha.core.companion;

import com.shisha.core.Language;

import java.util.Map;

/** What a queued push says, in the partner's language. */
final class PushTexts {

    private PushTexts() {
    }

    public record Text(String title, String body, Map<String, String> data) {
    }

    /** Product codes as a partner says them; unknown codes as they are. */
    static String product(String code, boolean hindi) {
        if (code == null) {
            return hindi ? "नया" : "new";
        }
        return switch (code) {
            case "LOANS" -> hindi ? "लोन" : "loan";
            case "CREDIT_CARDS" -> hindi ? "क्रेडिट कार्ड" : "credit card";
            case "INSURANCE" -> hindi ? "बीमा" : "insurance";
            case "SAVINGS_ACCOUNTS" -> hindi ? "बचत खाता" : "savings account";
            case "DEMAT" -> hindi ? "डीमैट" : "demat";
            default -> code;
        };
    }

    public static Text render(PushQueue.Pending p) {
        boolean hi = p.language() == Language.HI;
        Map<String, String> v = p.params();
        return switch (p.kind()) {
            case BADGE -> new Text(hi ? "नया बैज मिला! 🏅" : "Badge unlocked! 🏅",
                    hi ? "आपने \"" + v.getOrDefault("nameHi", v.get("nameEn")) + "\" बैज जीता (+" + v.get("points") + " अंक)"
                            : "You earned \"" + v.get("nameEn") + "\" (+" + v.get("points") + " points)",
                    Map.of("type", "badge", "code", v.getOrDefault("code", "")));
            case HOT_LEAD -> new Text(hi ? "नया हॉट लीड 🔥" : "New hot lead 🔥",
                    hi ? v.get("city") + " में " + product(v.get("product"), true) + " का नया लीड आपके लिए रखा है। आज ही कॉल करें।"
                            : "A fresh " + product(v.get("product"), false) + " lead in " + v.get("city") + " is reserved for you. Call today.",
                    Map.of("type", "lead", "leadId", v.getOrDefault("leadId", "")));
            case QUEST_REMINDER -> new Text(hi ? "इस हफ़्ते का क्वेस्ट ⏳" : "This week's quests ⏳",
                    hi ? v.get("open") + " क्वेस्ट बाकी हैं। थोड़ा और, और अंक आपके!"
                            : v.get("open") + " quest(s) still open this week. A little more and the points are yours!",
                    Map.of("type", "quests"));
        };
    }
}
