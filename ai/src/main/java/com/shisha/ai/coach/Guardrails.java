package com.shisha.ai.coach;

import com.shisha.core.coach.CoachEscalations.Reason;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides, before any model sees the text, whether the coach must not answer it itself. Patterns, not a model:
 * they are predictable, testable and cost microseconds, and each one is written for the phrasing of a report or
 * request ("I was cheated", "ignore previous instructions") rather than for a topic word, so a partner asking how
 * to handle a customer's complaint still reaches the knowledge base (see GuardrailsTest's paraphrase check).
 */
final class Guardrails {

    enum Kind { ESCALATE, INJECTION, OUT_OF_SCOPE }

    /** @param reason set for {@link Kind#ESCALATE} only */
    record Verdict(Kind kind, Reason reason, String topic) {
    }

    private record Rule(Kind kind, Reason reason, String topic, Pattern pattern) {
    }

    private static Rule escalate(Reason reason, String regex) {
        return new Rule(Kind.ESCALATE, reason, reason.name().toLowerCase(Locale.ROOT), compile(regex));
    }

    private static Rule rule(Kind kind, String topic, String regex) {
        return new Rule(kind, null, topic, compile(regex));
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    // Order matters: a fraud report that also says "ignore your rules" still reaches a human.
    private static final List<Rule> RULES = List.of(
            escalate(Reason.FRAUD, "\\b(i|we|me|my (customer|client|lead)|customer|client)\\b[^.?!]{0,30}\\b(was|were|got|been|have been|has been|am|is being)\\s+(cheated|scammed|defrauded|duped|conned|looted)"
                    + "|\\b(report|reporting|file|lodge)\\s+(a\\s+)?(fraud|scam)"
                    + "|\\bfraud\\s+(happened|has happened|with me|with my|ho gaya|ho gya|hua|hui)"
                    + "|\\b(stole|stolen|took away)\\b[^.?!]{0,20}\\bmoney|\\bmoney\\b[^.?!]{0,20}\\b(stolen|deducted without)"
                    // a report in the partner's words: "this is fraud", money taken for an approval or a fee
                    + "|\\b(this|it|that)\\s+(is|was|looks like)\\s+(a\\s+)?(fraud|scam)\\b"
                    + "|\\b(took|taken|asked for|demanded|charged|collected)\\b[^.?!]{0,30}(\\brupees\\b|\\brs\\.?|₹|\\bmoney\\b|\\bbribe\\b)[^.?!]{0,30}\\b(for|as)\\b[^.?!]{0,20}\\b(approval|sanction|processing|fee|kyc)\\b"
                    + "|\\b(dhokha|thagi)\\s*(ho|hua|hui|kiya|kar)"
                    + "|(धोखा|धोखाधड़ी|ठगी|फ्रॉड|फ़्रॉड)\\s*(हो\\s*गया|हो\\s*गई|हुआ|हुई|किया|कर\\s*दिया)"
                    + "|(पैसे|पैसा)\\s*(चोरी|कट\\s*गए|निकाल\\s*लिए)"),
            escalate(Reason.HARASSMENT, "\\bharass|\\bthreaten|\\bthreats?\\b|\\babus(ing|ed|ive)\\b|\\bblackmail|\\bstalk"
                    + "|\\b(pareshan|tang)\\s+kar|\\bdhamki|\\bgaali"
                    + "|परेशान\\s*कर|तंग\\s*कर|धमकी|धमका|गाली|ब्लैकमेल"),
            escalate(Reason.MIS_SELLING, "\\bmis-?sold\\b|\\bmis-?selling\\s+(to|with|by|happened)|\\breport\\b[^.?!]{0,30}\\bmis-?sell"
                    + "|\\bsold\\s+(me|him|her|us|them|my \\w+)\\b[^.?!]{0,40}\\bwithout\\s+(telling|asking|consent|permission|explaining)"
                    + "|बिना\\s*बताए[^।?!]{0,40}(बेच|बेची|बेचा|पॉलिसी\\s*दे)|ज़बरदस्ती[^।?!]{0,30}(बेच|बेची|बेचा|पॉलिसी)"),
            escalate(Reason.COMPLAINT, "\\b(i|we)\\s+(want|wish|need|would like|have)\\s+(to\\s+)?(file|make|raise|lodge|register|give|submit)?\\s*(a\\s+)?complain"
                    + "|\\b(i|we)\\s+(want to|wanna)\\s+complain|\\bmy complaint\\b|\\bcomplaint against\\b"
                    + "|\\bcomplaint\\s+(karni|karna|darj|register karni)|\\bshikayat"
                    + "|शिकायत\\s*(दर्ज|करनी|करना|करूँ|करूं|करवानी|है|लिखवानी)|कंप्लेंट\\s*(करनी|करना|दर्ज)"),
            rule(Kind.INJECTION, "instructions", "\\b(ignore|disregard|forget|override|bypass)\\b[^.?!]{0,25}\\b(previous|prior|above|earlier|all|your|the|system)\\b[^.?!]{0,20}\\b(instructions?|rules?|prompts?|guidelines|directions)"
                    + "|\\byou are now\\b|\\bfrom now on,? you (are|will be|act)|\\bpretend (to be|you are|you're)\\b|\\bact as (if you (are|were)|an? (unrestricted|different|new|unfiltered)|my )"
                    + "|\\b(reveal|show|print|tell|give|repeat|share|display)\\b[^.?!]{0,20}\\b(system prompt|your prompt|your instructions|the prompt|your rules|hidden instructions)"
                    + "|\\bsystem prompt\\b|\\bjailbreak|\\bdeveloper mode\\b|\\bDAN mode\\b"
                    + "|\\b(pichle|purane|saare|sabhi)\\s+(instructions?|nirdesh|rules?)\\s+(bhool|bhul|ignore|chhod)|\\bab (se )?(tum|aap) (ek )?\\w+ (ho|bano)\\b|\\b(apna|apne)\\s+(prompt|instructions?|nirdesh)\\s+(batao|dikhao|bata)"
                    + "|(पिछले|पुराने|सारे|सभी|ऊपर के)\\s*(सभी\\s*)?(निर्देश|निर्देशों|नियम|नियमों|इंस्ट्रक्शन)[^।?!]{0,15}(भूल|अनदेखा|नज़रअंदाज़|नजरअंदाज|इग्नोर|छोड़)"
                    + "|अब\\s*(से\\s*)?(तुम|आप)\\s+(एक\\s+)?\\S+\\s+(हो|बन\\s*जाओ|बनो)(\\s|$|[।?!,])|(अपना|अपने)\\s*(सिस्टम\\s*)?(प्रॉम्प्ट|निर्देश|इंस्ट्रक्शन)[^।?!]{0,10}(बताओ|बताइए|दिखाओ|दिखाइए)"),
            rule(Kind.OUT_OF_SCOPE, "stock tips", "\\b(which|what|best|good)\\s+(stocks?|shares?|penny stocks?)\\s+(to|should|can|will|for)\\b|\\b(stock|share|intraday|trading)\\s+tips?\\b"
                    + "|\\bmultibagger|\\btarget price\\b|\\b(buy|sell)\\b[^.?!]{0,25}\\b(tomorrow|today|this week)\\b[^.?!]{0,25}\\b(stock|share)s?\\b|\\bnifty\\b[^.?!]{0,20}\\b(go up|go down|kal|tomorrow)"
                    + "|कौन\\s*सा\\s*शेयर\\s*(खरीद|लूँ|लें)|शेयर\\s*टिप"),
            rule(Kind.OUT_OF_SCOPE, "crypto", "\\bcrypto|\\bbitcoin|\\bethereum|\\bdogecoin|\\bnft\\b|\\bblockchain|\\bबिटकॉइन|क्रिप्टो"),
            rule(Kind.OUT_OF_SCOPE, "medical", "\\b(which|what)\\s+(medicine|tablet|dawai|dawa)|\\b(medicine|tablet|dawai|dawa)\\s+(for|ke liye)\\b"
                    + "|\\b(cure|remedy|treatment)\\s+for\\s+(my|fever|cough|headache|pain|sugar|bp)\\b|\\bi have (a )?(fever|cough|headache|stomach ache)"
                    + "|\\b(bukhar|sir dard)\\b|बुखार|सिरदर्द|सिर\\s*दर्द|कौन\\s*सी\\s*दवा|दवाई\\s*बताओ"),
            rule(Kind.OUT_OF_SCOPE, "politics", "\\b(modi|rahul gandhi|kejriwal|bjp|congress party|aap party|election|elections|chunav|vote for)\\b|\\bpolitic"
                    + "|चुनाव|मोदी|भाजपा|कांग्रेस|किसको\\s*वोट"),
            rule(Kind.OUT_OF_SCOPE, "other topics", "\\b(cricket|ipl|recipe|horoscope|kundli|astrology|weather|lottery|satta|betting)\\b"
                    + "|मौसम|क्रिकेट|रेसिपी|कुंडली|राशिफल|लॉटरी|सट्टा")
    );

    Optional<Verdict> check(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(normal).find()) {
                return Optional.of(new Verdict(rule.kind(), rule.reason(), rule.topic()));
            }
        }
        return Optional.empty();
    }
}
