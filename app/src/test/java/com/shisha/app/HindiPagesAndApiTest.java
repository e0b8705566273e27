package com.shisha.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal and the API as a partner who reads Hindi meets them: each page rendered in Hindi by Chromium (what
 * the page shows, its title and its accessible labels), every text of the Hindi dictionary (also those a page
 * shows only on an error or a later step), a Hindi partner's dashboard with their leads, and the text fields the
 * API answers that partner. None may carry a Latin word outside {@link HindiText}'s allow-list.
 */
class HindiPagesAndApiTest extends AbstractBrowserTest {

    private static final List<String> PAGES = List.of("/", "/register", "/login", "/forgot-password", "/privacy", "/terms",
            "/simulator");

    /**
     * The switch to English speaks to someone who cannot read the Hindi page: its label is English on purpose
     * (and says the same in Hindi after it).
     */
    private static final Set<String> TO_THE_ENGLISH_READER = Set.of("lang.switchLabel");

    /** Everything a reader or a screen reader gets from the page as it stands. */
    private static final String PAGE_TEXT = """
            var parts = [document.title, document.body.innerText];
            document.querySelectorAll('[placeholder], [aria-label], [title], [alt]').forEach(function (e) {
              if (e.id === 'lang-switch') return;
              ['placeholder', 'aria-label', 'title', 'alt'].forEach(function (a) {
                var v = e.getAttribute(a);
                if (v) parts.push(v);
              });
            });
            return parts.join('\\n');
            """;

    @BeforeEach
    void signedOut() {
        resetBrowserState();
    }

    @Test
    void everyPageInHindiHasNoEnglishWords() {
        List<String> offending = new ArrayList<>();
        for (String page : PAGES) {
            openInHindi(page);
            String text = (String) js(PAGE_TEXT);
            assertThat(HindiText.isHindi(text)).as("%s is shown in Hindi", page).isTrue();
            Set<String> latin = HindiText.latinWords(text);
            if (!latin.isEmpty()) {
                offending.add(page + ": " + latin);
            }
        }
        assertThat(offending).as("Hindi pages with Latin words outside the allow-list").isEmpty();
    }

    @Test
    void everyTextOfTheHindiDictionaryIsHindi() {
        openInHindi("/");
        @SuppressWarnings("unchecked")
        Map<String, Object> hindi = (Map<String, Object>) js("return window.SHISHA_I18N.hi");
        @SuppressWarnings("unchecked")
        Map<String, Object> english = (Map<String, Object>) js("return window.SHISHA_I18N.en");
        assertThat(hindi.keySet()).as("the Hindi dictionary has every English key").containsAll(english.keySet());
        List<String> offending = new ArrayList<>();
        hindi.forEach((key, value) -> {
            Set<String> latin = HindiText.latinWords(String.valueOf(value));
            if (!TO_THE_ENGLISH_READER.contains(key) && !latin.isEmpty()) {
                offending.add(key + ": " + latin);
            }
        });
        assertThat(offending).as("Hindi texts with Latin words outside the allow-list").isEmpty();
    }

    @Test
    void aHindiPartnersDashboardIsInHindi() {
        String token = hindiPartnerWithLeads();
        openInHindi("/ping");
        js("window.sessionStorage.setItem('shisha.session', JSON.stringify({token: arguments[0]}))", token);
        open("/partner/dashboard");
        visible(By.id("dash-content"));
        await(d -> !d.findElements(By.cssSelector("#leads li.lead")).isEmpty());
        String text = (String) js(PAGE_TEXT);
        assertThat(HindiText.isHindi(byId("p-city").getText())).as("the partner's city in Hindi").isTrue();
        // a chat opened from a Hindi page starts in Hindi: the bot onboards a Devanagari greeting in Hindi
        await(d -> byId("chat-link").getAttribute("href").startsWith("https://wa.me/"));
        assertThat(byId("chat-link").getAttribute("href")).endsWith("?text=%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87");
        assertThat(HindiText.latinWords(text)).as("Latin words on the Hindi dashboard").isEmpty();
    }

    @Test
    void theApiAnswersAHindiPartnerInHindi() {
        String token = hindiPartnerWithLeads();
        List<String> texts = new ArrayList<>();
        JsonNode leads = get("/api/v1/leads?size=3", token).json().get("items");
        assertThat(leads).isNotEmpty();
        for (JsonNode lead : leads) {
            leadTexts(lead, texts);
            leadTexts(get("/api/v1/leads/" + lead.get("id").asLong(), token).json(), texts);
        }
        // a quiz taken and leads held: the next best action names a lead to call
        JsonNode run = call("POST", "/api/v1/quiz/runs", token, null).json();
        ObjectNode answers = JSON.createObjectNode();
        var list = answers.putArray("answers");
        for (JsonNode q : run.get("questions")) {
            texts.add(q.get("question").asString());
            q.get("options").forEach(o -> texts.add(o.asString()));
            list.addObject().put("questionId", q.get("id").asString()).put("choice", "A");
        }
        JsonNode result = call("POST", "/api/v1/quiz/runs/" + run.get("runId").asString() + "/answers", token, answers).json();
        result.get("result").get("answers").forEach(a -> texts.add(a.get("explanation").asString()));
        JsonNode dashboard = get("/api/v1/dashboard", token).json();
        assertThat(dashboard.get("nextBestAction").get("kind").asString()).isEqualTo("CALL_LEAD");
        texts.add(dashboard.get("partner").get("cityHi").asString());
        texts.add(dashboard.get("nextBestAction").get("text").asString());
        texts.add(dashboard.get("nextBestAction").get("textHi").asString());
        dashboard.get("badges").forEach(b -> texts.add(b.get("nameHi").asString()));
        dashboard.get("quests").forEach(q -> texts.add(q.get("nameHi").asString()));
        for (JsonNode leader : get("/api/v1/community/top?size=5", token).json().get("items")) {
            if (!leader.get("you").asBoolean()) {
                texts.add(leader.get("name").asString());
            }
            texts.add(leader.get("city").asString());
        }
        for (JsonNode tip : get("/api/v1/community/tips?size=5", token).json().get("tips")) {
            texts.add(tip.get("text").asString());
            texts.add(tip.get("partnerName").asString());
            texts.add(tip.get("city").asString());
        }
        // the coach, from the guide (no model here), on charges whose Hindi text keeps abbreviations like GST
        for (String question : List.of("क्रेडिट कार्ड की सालाना फीस और चार्ज ग्राहक को कैसे बताएं?", "KYC में कौन से दस्तावेज़ लगते हैं?")) {
            JsonNode answer = call("POST", "/api/v1/coach/questions", token, java.util.Map.of("question", question)).json();
            assertThat(answer.get("language").asString()).isEqualTo("hi");
            texts.add(answer.get("text").asString());
            texts.add(answer.get("notice").asString());
            answer.get("sources").forEach(source -> texts.add(source.get("title").asString()));
        }
        List<String> offending = new ArrayList<>();
        for (String text : texts) {
            Set<String> latin = HindiText.latinWords(text);
            if (!latin.isEmpty()) {
                offending.add(latin + " in: " + text);
            }
        }
        assertThat(offending).as("API texts for a Hindi partner with Latin words outside the allow-list").isEmpty();
    }

    private static void leadTexts(JsonNode lead, List<String> texts) {
        for (String field : List.of("name", "city", "state", "note")) {
            if (lead.hasNonNull(field)) {
                texts.add(lead.get(field).asString());
            }
        }
        if (lead.hasNonNull("pitchTip")) {
            texts.add(lead.get("pitchTip").get("text").asString());
        }
    }

    /** A partner who chose Hindi and typed their name in Devanagari, selling in Indore, with a quiz behind them. */
    private String hindiPartnerWithLeads() {
        String token = tokenFor(freshPhone());
        ObjectNode patch = JSON.createObjectNode().put("name", "मीरा जोशी").put("city", "Indore").put("language", "hi");
        patch.putArray("products").add("LOANS").add("INSURANCE").add("SAVINGS_ACCOUNTS");
        Response r = call("PATCH", "/api/v1/partners/me", token, patch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return token;
    }

    private void openInHindi(String path) {
        open("/ping");
        js("window.localStorage.setItem('shisha.lang', 'hi')");
        open(path);
        visible(By.cssSelector("body"));
    }
}
