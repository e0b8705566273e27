package com.shisha.web.console;

import com.shisha.core.Language;

/** What the console itself says to a partner, in their language. */
final class ConsoleTexts {

    private ConsoleTexts() {
    }

    static String handedBack(Language language) {
        return language == Language.HI
                ? "GroMo टीम से बातचीत पूरी हुई। अब मैं, SHISHA, फिर से आपके साथ हूँ: मेनू के लिए MENU लिखें।"
                : "Your chat with the GroMo team has ended. I, SHISHA, am back with you: type MENU for the menu.";
    }
}
