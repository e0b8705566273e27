package com.shisha.dialogs.understanding;

import com.shisha.dialogs.understanding.NumberWords.Kind;
import com.shisha.dialogs.understanding.NumberWords.Word;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rupee amount in what a partner types when reporting a sale: digits ("Rs. 75,000/-", "₹1,20,000", "1.2L", "75k",
 * "५०,०००"), words in English, Devanagari or romanised Hindi ("two lakh fifty thousand", "ढाई लाख", "dedh hazaar",
 * "saade teen lakh"), alone or inside a short sentence ("customer ne 1.5 lakh ka personal loan liya").
 *
 * <p>A wrong amount recorded is worse than asking again, so anything doubtful is empty: two different amounts in
 * one message, a number that reads as a time, date, percentage, count or phone number, a number word with no
 * place value in a sentence ("ek customer"), and anything outside 1 rupee to 100 crore.
 *
 * <p>Number words come from {@link NumberWords} (ICU's spellout vocabulary plus a table of romanised Hindi); the
 * place-value arithmetic (lakh after crore, sawa/saade/paune, "and a half") is here. Pure and thread-safe: nothing
 * but immutable lookups is shared.
 */
public final class Amounts {

    private static final BigDecimal MIN = BigDecimal.ONE;
    private static final BigDecimal MAX = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Longer text is a forwarded message or a story, not an answer to "how much?". */
    private static final int MAX_LENGTH = 500;

    private static final Set<String> CURRENCY = folded("rs", "inr", "rupees", "rupee", "rupaye", "rupaiye", "rupay", "rupaya",
            "rupaiya", "rupiya", "rupye", "rupya", "रुपये", "रुपए", "रुपया", "रुपय", "रुपैया", "रु", "रू");
    /** Digits just before these are a time, a date, a duration or a rate. */
    private static final Set<String> TIME_WORDS = folded("baje", "bje", "baj", "bajey", "am", "pm", "oclock", "clock", "hour", "hours",
            "hr", "hrs", "ghanta", "ghante", "ghanton", "minute", "minutes", "min", "mins", "minat", "second", "seconds", "sec", "din",
            "dino", "dinon", "day", "days", "week", "weeks", "hafta", "hafte", "month", "months", "mahina", "mahine", "mahino", "year",
            "years", "yr", "yrs", "saal", "sal", "baras", "tarikh", "tareekh", "tarik", "date", "percent", "pct", "pratishat", "baar",
            "times", "st", "nd", "rd", "th", "jan", "january", "feb", "february", "mar", "march", "apr", "april", "jun", "june", "jul",
            "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
            "बजे", "घंटे", "घंटा", "मिनट", "दिन", "हफ्ते", "हफ़्ते", "हफ्ता", "महीने", "महीना", "साल", "वर्ष", "बरस", "तारीख", "तारीख़",
            "प्रतिशत", "बार", "जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर");
    /** A small number before these counts things ("3 loan becha"), it is not a price. */
    private static final Set<String> COUNT_WORDS = folded("loan", "loans", "card", "cards", "policy", "policies", "account", "accounts",
            "customer", "customers", "client", "clients", "lead", "leads", "sale", "sales", "log", "logo", "logon", "people", "person",
            "persons", "banda", "bande", "call", "calls", "app", "apps", "product", "products", "लोन", "कार्ड", "पॉलिसी", "पालिसी", "खाते",
            "खाता", "ग्राहक", "लोग", "लोगों", "लीड", "कॉल", "बंदे");
    /** Digits after these identify something: a phone, an OTP, a PIN code. */
    private static final Set<String> ID_WORDS = folded("no", "number", "num", "nambar", "nmbr", "mobile", "mob", "phone", "ph", "contact",
            "otp", "pin", "pincode", "id", "ref", "reference", "नंबर", "नम्बर", "मोबाइल", "फोन", "फ़ोन", "पिन", "ओटीपी");
    private static final Set<String> AND = folded("and", "aur", "और", "&");
    /** "2 ya 3 lakh", "5 lakh to 6 lakh": a range is not one amount. */
    private static final Set<String> RANGE = folded("ya", "or", "to", "या");
    private static final Set<String> ARTICLE = folded("a", "an");
    private static final Set<String> HALF_WORDS = folded("half");
    /** Words that may stand around a lone spelled-out number ("pachas rupaye only") without making it a sentence. */
    private static final Set<String> FILLER = folded("only", "sirf", "bas", "total", "सिर्फ", "बस", "कुल");

    private static final Pattern WESTERN_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern INDIAN_GROUPS = Pattern.compile("\\d{1,2}(,\\d{2})*,\\d{3}");

    private Amounts() {
    }

    /** The one amount the message states, in rupees with two decimals; empty when none, several, or out of range. */
    public static Optional<BigDecimal> parse(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<Token> tokens = tokens(Normalizer.normalize(message, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        BigDecimal found = null;
        int i = 0;
        while (i < tokens.size()) {
            Candidate c = expression(tokens, i);
            if (c == null) {
                i++;
                continue;
            }
            if (c.elided || in(tokens, c.end, RANGE) && startsNumber(tokens, c.end + 1)) {
                return Optional.empty();
            }
            if (accepted(tokens, c)) {
                if (found != null && found.compareTo(c.value) != 0) {
                    return Optional.empty();
                }
                found = c.value;
            }
            i = c.end;
        }
        if (found == null || found.compareTo(MIN) < 0 || found.compareTo(MAX) > 0) {
            return Optional.empty();
        }
        return Optional.of(found.setScale(2, RoundingMode.HALF_UP));
    }

    // ---- tokens

    private enum Type { NUMBER, WORD, CURRENCY, PLUS, PERCENT, BREAK, BLOCKED }

    /** A word (folded, with its number meaning if any), a number, or a mark; spaced says whether blank space came before it. */
    private record Token(Type type, String word, Word lex, BigDecimal number, String digits, boolean spaced) {

        static Token of(Type type, boolean spaced) {
            return new Token(type, null, null, null, null, spaced);
        }

        Token blocked() {
            return new Token(Type.BLOCKED, word, lex, number, digits, spaced);
        }
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        boolean spaced = true;
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || cp == '-' || cp == '\'' || cp == '_' || cp == '\u200C' || cp == '\u200D') {
                spaced = true;
                i += Character.charCount(cp);
            } else if (Character.isDigit(cp)) {
                i = number(s, i, spaced, out);
                spaced = false;
            } else if (isWordPart(cp)) {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (isWordPart(c)) {
                        word.appendCodePoint(c);
                    } else if (c != '\'' || i + 1 >= n || !Character.isLetter(s.codePointAt(i + 1))) {
                        break; // o'clock is one word
                    }
                    i += Character.charCount(c);
                }
                String folded = NumberWords.fold(word.toString());
                out.add(new Token(Type.WORD, folded, NumberWords.get(folded), null, null, spaced));
                if (i < n && s.charAt(i) == '.' && CURRENCY.contains(folded) && i - start <= 3) {
                    i++; // the abbreviation's dot in "Rs." and "रु." is not the end of a sentence
                }
                spaced = false;
            } else if (cp == '&') {
                out.add(new Token(Type.WORD, "&", null, null, null, spaced));
                i++;
                spaced = false;
            } else if (cp == '/' && i + 1 < n && s.charAt(i + 1) == '-') {
                out.add(Token.of(Type.CURRENCY, spaced)); // "75,000/-"
                i += 2;
                spaced = false;
            } else {
                Type type = switch (cp) {
                    case '₹' -> Type.CURRENCY;
                    case '+' -> Type.PLUS;
                    case '%' -> Type.PERCENT;
                    default -> Type.BREAK;
                };
                out.add(Token.of(type, spaced));
                i += Character.charCount(cp);
                spaced = false;
            }
        }
        markNonAmounts(out);
        return out;
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Reads digits in any script with their separators; a time, date, range or badly grouped number is BLOCKED. */
    private static int number(String s, int i, boolean spaced, List<Token> out) {
        StringBuilder raw = new StringBuilder();
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Character.isDigit(cp)) {
                raw.append((char) ('0' + Character.digit(cp, 10)));
                i += Character.charCount(cp);
            } else if (".,:/-".indexOf(cp) >= 0 && i + 1 < n && Character.isDigit(s.codePointAt(i + 1))) {
                raw.append((char) cp);
                i++;
            } else {
                break;
            }
        }
        String text = raw.toString();
        int dot = text.indexOf('.');
        boolean blocked = text.indexOf(':') >= 0 || text.indexOf('/') >= 0 || text.indexOf('-') >= 0
                || dot >= 0 && text.indexOf('.', dot + 1) >= 0;
        String whole = dot >= 0 ? text.substring(0, dot) : text;
        if (!blocked && whole.indexOf(',') >= 0) {
            blocked = !WESTERN_GROUPS.matcher(whole).matches() && !INDIAN_GROUPS.matcher(whole).matches();
            whole = whole.replace(",", "");
        } else if (!blocked && dot < 0) {
            // mobile numbers, account numbers and OTPs with leading zeros
            blocked = whole.length() >= 11 || whole.length() == 10 && whole.charAt(0) >= '6'
                    || whole.length() > 1 && whole.charAt(0) == '0';
        }
        if (blocked) {
            out.add(new Token(Type.BLOCKED, null, null, null, text, spaced));
        } else {
            String plain = dot >= 0 ? whole + text.substring(dot) : whole;
            out.add(new Token(Type.NUMBER, null, null, new BigDecimal(plain), text, spaced));
        }
        return i;
    }

    private static void markNonAmounts(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.type != Type.NUMBER) {
                continue;
            }
            Token next = i + 1 < t.size() ? t.get(i + 1) : null;
            // "5th", "10am", "12kg": letters stuck to digits that are neither a unit nor a currency
            boolean stuck = next != null && next.type == Type.WORD && !next.spaced
                    && !(next.lex != null && next.lex.kind() == Kind.SCALE) && !CURRENCY.contains(next.word);
            boolean signed = i > 0 && t.get(i - 1).type == Type.PLUS;
            // "98765 43210": a mobile number typed in two halves
            boolean halfPhone = next != null && next.type == Type.NUMBER && isFiveDigits(token) && isFiveDigits(next)
                    && token.digits.charAt(0) >= '6';
            // "91 9876543210": the country code before a mobile number
            boolean countryCode = next != null && next.type == Type.BLOCKED && next.digits != null && next.digits.length() == 10
                    && (token.digits.equals("91") || token.digits.equals("0"));
            // "5 ,000": a group of zeros cut off by a stray space is still part of the number
            int after = next != null && next.type == Type.BREAK ? i + 2 : i + 1;
            boolean cutOff = after < t.size() && t.get(after).type == Type.BLOCKED && t.get(after).digits != null
                    && t.get(after).digits.startsWith("0");
            if (stuck || signed || halfPhone || countryCode || cutOff) {
                t.set(i, token.blocked());
                if (halfPhone) {
                    t.set(i + 1, next.blocked());
                }
            }
        }
    }

    private static boolean isFiveDigits(Token t) {
        return t.digits.length() == 5 && t.digits.chars().allMatch(Character::isDigit);
    }

    // ---- expressions

    /**
     * An amount read from tokens [start, end): scaled if it has a place value, words if any part is spelled out,
     * elided if it ends in a bare number word after a place value.
     */
    private record Candidate(BigDecimal value, int start, int end, boolean scaled, boolean words, boolean elided) {
    }

    /** What comes before a place value: "2", "1.5", "ek", "seventy five", "dhai", "saade teen", "paanch sau", "one and a half". */
    private record Quantity(BigDecimal value, int end, boolean words, boolean hundred, boolean needsScale) {
    }

    /** Groups of descending place value, "3 lakh 20 hazar", "ek crore sawa do lakh", "two lakh and fifty thousand". */
    private static Candidate expression(List<Token> t, int start) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal lastScale = null;
        boolean scaled = false;
        boolean words = false;
        int groups = 0;
        int end = start;
        while (true) {
            int j = end;
            if (groups > 0 && in(t, j, AND)) {
                j++;
            }
            Quantity q = quantity(t, j);
            if (q == null) {
                break;
            }
            Word unit = lex(t, q.end);
            if (unit != null && unit.kind() == Kind.SCALE && unit.value().compareTo(HUNDRED) > 0) {
                if (lastScale != null && unit.value().compareTo(lastScale) >= 0) {
                    break; // "5 lakh 2 lakh" is two amounts
                }
                total = total.add(q.value.multiply(unit.value()));
                lastScale = unit.value();
                scaled = true;
                words |= q.words;
                groups++;
                end = q.end + 1;
                continue;
            }
            if (q.needsScale) {
                break;
            }
            if (groups > 0 && (!q.words && !q.hundred || q.value.compareTo(lastScale) >= 0)) {
                break; // "2 lakh 50" is not 2,00,050: digits after a place value stand alone
            }
            if (groups > 0 && !q.hundred) {
                if (in(t, q.end, TIME_WORDS) || countsSomething(t, q.end)) {
                    break; // "do lakh, do din pehle"
                }
                // "ek lakh pachas" is 1,00,050 to ICU but usually said for 1,50,000, the hazaar left unsaid
                return new Candidate(total.add(q.value), start, q.end, true, true, true);
            }
            total = total.add(q.value);
            scaled |= q.hundred;
            words |= q.words;
            groups++;
            end = q.end;
            break;
        }
        return groups == 0 ? null : new Candidate(total, start, end, scaled, words, false);
    }

    private static Quantity quantity(List<Token> t, int start) {
        int j = start;
        Word modifier = lex(t, j);
        if (modifier != null && (modifier.kind() == Kind.PLUS_QUARTER || modifier.kind() == Kind.PLUS_HALF
                || modifier.kind() == Kind.MINUS_QUARTER)) {
            j++;
        } else {
            modifier = null;
        }
        BigDecimal base;
        boolean words = false;
        boolean needsScale = modifier != null;
        Word w = lex(t, j);
        if (j < t.size() && t.get(j).type == Type.NUMBER) {
            base = t.get(j).number;
            j++;
        } else if (w != null && w.kind() == Kind.NUMBER) {
            base = w.value();
            words = true;
            j++;
            Word unit = lex(t, j);
            if (isTens(base) && unit != null && unit.kind() == Kind.NUMBER && isDigit(unit.value())) {
                base = base.add(unit.value()); // "seventy five"
                j++;
            }
        } else if (w != null && w.kind() == Kind.FRACTION && modifier == null) {
            base = w.value();
            words = true;
            needsScale = true;
            j++;
        } else if (w != null && w.kind() == Kind.SCALE && modifier != null && modifier.kind() != Kind.PLUS_HALF) {
            base = BigDecimal.ONE; // "sawa lakh", "paune sau"
            words = true;
        } else if (w != null && w.kind() == Kind.SCALE && modifier == null && !isAbbreviation(t.get(j).word) && isCurrency(t, j + 1)) {
            base = BigDecimal.ONE; // "hazaar rupaye"
            words = true;
        } else if (in(t, j, ARTICLE) && isScale(lex(t, j + 1)) && modifier == null) {
            base = BigDecimal.ONE; // "a lakh"
            words = true;
            j++;
        } else {
            return null;
        }
        if (modifier == null && in(t, j, AND)) {
            int k = j + 1;
            if (in(t, k, ARTICLE)) {
                k++;
            }
            if (in(t, k, HALF_WORDS)) {
                base = base.add(HALF); // "one and a half lakh"
                needsScale = true;
                j = k + 1;
            }
        }
        if (modifier != null) {
            base = switch (modifier.kind()) {
                case PLUS_QUARTER -> base.add(QUARTER);
                case PLUS_HALF -> base.add(HALF);
                default -> base.subtract(QUARTER);
            };
        }
        Word unit = lex(t, j);
        if (unit == null || unit.kind() != Kind.SCALE || unit.value().compareTo(HUNDRED) != 0) {
            return new Quantity(base, j, words, false, needsScale);
        }
        BigDecimal value = base.multiply(HUNDRED);
        j++;
        int k = in(t, j, AND) ? j + 1 : j;
        Word rest = lex(t, k);
        if (rest != null && rest.kind() == Kind.NUMBER) {
            BigDecimal extra = rest.value();
            k++;
            Word unitWord = lex(t, k);
            if (isTens(extra) && unitWord != null && unitWord.kind() == Kind.NUMBER && isDigit(unitWord.value())) {
                extra = extra.add(unitWord.value());
                k++;
            }
            value = value.add(extra); // "do sau pachas", "two hundred and fifty"
            j = k;
        }
        return new Quantity(value, j, true, true, false);
    }

    private static boolean isTens(BigDecimal v) {
        return v.compareTo(BigDecimal.valueOf(20)) >= 0 && v.compareTo(HUNDRED) < 0 && v.remainder(BigDecimal.TEN).signum() == 0;
    }

    private static boolean isDigit(BigDecimal v) {
        return v.signum() > 0 && v.compareTo(BigDecimal.TEN) < 0;
    }

    private static boolean isScale(Word w) {
        return w != null && w.kind() == Kind.SCALE;
    }

    // ---- which readings count

    private static boolean accepted(List<Token> t, Candidate c) {
        boolean currency = isCurrency(t, c.start - 1) || isCurrency(t, c.end);
        if (c.scaled) {
            return true;
        }
        if (c.words) {
            return currency || standsAlone(t, c); // "pachas" is an answer, "ek customer" is not
        }
        Token next = c.end < t.size() ? t.get(c.end) : null;
        if (next != null && (next.type == Type.PERCENT || next.type == Type.WORD && TIME_WORDS.contains(next.word))) {
            return false;
        }
        int before = c.start - 1;
        if (before >= 0 && t.get(before).type == Type.BREAK && before > 0 && t.get(before - 1).type == Type.WORD) {
            before--; // "no. 4455"
        }
        if (before >= 0 && t.get(before).type == Type.WORD && ID_WORDS.contains(t.get(before).word)) {
            return false;
        }
        return currency || c.value.compareTo(HUNDRED) >= 0 || !countsSomething(t, c.end);
    }

    /** "3 loan", "2 credit cards", "2 health insurance policies": a count noun within the next three words. */
    private static boolean countsSomething(List<Token> t, int from) {
        for (int i = from; i < t.size() && i < from + 3 && t.get(i).type == Type.WORD; i++) {
            if (COUNT_WORDS.contains(t.get(i).word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsNumber(List<Token> t, int i) {
        if (i >= t.size()) {
            return false;
        }
        Word w = lex(t, i);
        return t.get(i).type == Type.NUMBER || w != null && w.kind() != Kind.SCALE;
    }

    /** "k", "l", "cr" only follow a number; "hazaar rupaye" and "सौ रुपये" mean one of them. */
    private static boolean isAbbreviation(String word) {
        return word.length() <= 2 && word.chars().allMatch(c -> c < 128);
    }

    private static boolean standsAlone(List<Token> t, Candidate c) {
        for (int i = 0; i < t.size(); i++) {
            if (i >= c.start && i < c.end) {
                continue;
            }
            Token token = t.get(i);
            boolean neutral = token.type == Type.BREAK || token.type == Type.CURRENCY
                    || token.type == Type.WORD && (CURRENCY.contains(token.word) || FILLER.contains(token.word));
            if (!neutral) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCurrency(List<Token> t, int i) {
        if (i < 0 || i >= t.size()) {
            return false;
        }
        Token token = t.get(i);
        return token.type == Type.CURRENCY || token.type == Type.WORD && CURRENCY.contains(token.word);
    }

    private static Word lex(List<Token> t, int i) {
        return i >= 0 && i < t.size() && t.get(i).type == Type.WORD ? t.get(i).lex : null;
    }

    private static boolean in(List<Token> t, int i, Set<String> words) {
        return i >= 0 && i < t.size() && t.get(i).type == Type.WORD && words.contains(t.get(i).word);
    }

    private static Set<String> folded(String... words) {
        return java.util.Arrays.stream(words)
                .map(w -> NumberWords.fold(Normalizer.normalize(w, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
