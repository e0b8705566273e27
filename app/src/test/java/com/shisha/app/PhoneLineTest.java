package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneLineTest extends AbstractPipelineTest {

    private static final AtomicLong CALLS = new AtomicLong(System.nanoTime());

    static String newCallSid() {
        return "CA" + String.format("%032x", CALLS.incrementAndGet());
    }

    static Map<String, String> callForm(String callSid, String phone, String status) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        f.put("ApiVersion", "2010-04-01");
        f.put("CallSid", callSid);
        f.put("CallStatus", status);
        f.put("Called", SMS_FROM);
        f.put("Caller", phone);
        f.put("Direction", "inbound");
        f.put("From", phone);
        f.put("To", SMS_FROM);
        return f;
    }

    String post(String urlOrPath, Map<String, String> form) {
        String path = urlOrPath.startsWith(PUBLIC_BASE) ? urlOrPath.substring(PUBLIC_BASE.length()) : urlOrPath;
        HttpResponse<String> response = postSigned(path.replace("&amp;", "&"), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The action URL of the TwiML's Gather (or Record): where Twilio posts what the caller does next. */
    static String action(String twiml) {
        var m = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(twiml);
        assertThat(m.find()).as("an action in %s", twiml).isTrue();
        return m.group(1);
    }

    String press(String twiml, String call, String phone, String digits) {
        Map<String, String> f = callForm(call, phone, "in-progress");
        f.put("Digits", digits);
        return post(action(twiml), f);
    }

    String speak(String twiml, String call, String phone, String words) {
        Map<String, String> f = callForm(call, phone, "in-progress");
        f.put("SpeechResult", words);
        f.put("Confidence", "0.91");
        return post(action(twiml), f);
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String HI_SAY = "<Say language=\"hi-IN\" voice=\"Polly.Aditi\">";
    private static final String MENU_HI = "अपनी लीड के लिए 1 दबाएँ, स्किल क्विज़ के लिए 2, कोच से पूछने के लिए 3, अपनी प्रगति के लिए 4, "
            + "किसी व्यक्ति से बात के लिए 9, या यह फिर सुनने के लिए 0।";

    @Autowired
    com.shisha.core.pipeline.InboundIngest ingest;

    @Autowired
    com.shisha.core.call.Calls calls;

    /** The gather that follows an answer, as the phone line builds it for turn {@code n} after turn {@code shown}. */
    private static String gather(String call, int n, int shown, boolean oneKey, String said) {
        String r = call + "-" + shown;
        return XML + "<Response><Gather action=\"" + PUBLIC_BASE + "/webhooks/twilio/voice/turn?n=" + n + "&amp;r=" + r
                + "\" finishOnKey=\"#\" input=\"dtmf speech\" language=\"hi-IN\" method=\"POST\"" + (oneKey ? " numDigits=\"1\"" : "")
                + " speechTimeout=\"auto\" timeout=\"5\">" + HI_SAY + said + "</Say></Gather><Redirect method=\"POST\">" + PUBLIC_BASE
                + "/webhooks/twilio/voice/quiet?n=" + n + "&amp;r=" + r + "&amp;q=1</Redirect></Response>";
    }

    /** A stranger calls, picks Hindi and is onboarded by voice and keypad; returns the call's last TwiML. */
    private String onboardByVoice(String call, String phone) {
        String twiml = post("/webhooks/twilio/voice", callForm(call, phone, "ringing"));
        assertThat(twiml).isEqualTo(XML + "<Response><Gather action=\"" + PUBLIC_BASE
                + "/webhooks/twilio/voice/turn?n=1&amp;k=lang\" hints=\"English, Hindi, हिंदी\" input=\"dtmf speech\" language=\"en-IN\""
                + " method=\"POST\" numDigits=\"1\" timeout=\"5\"><Say language=\"en-IN\" voice=\"Polly.Raveena\">Namaste! This is SHISHA,"
                + " the GroMo sales coach. For English, press 1.</Say>" + HI_SAY + "हिंदी के लिए 2 दबाएँ।</Say></Gather>"
                + "<Redirect method=\"POST\">" + PUBLIC_BASE + "/webhooks/twilio/voice/quiet?n=1&amp;q=1&amp;k=lang</Redirect></Response>");
        twiml = press(twiml, call, phone, "2");
        assertThat(twiml).isEqualTo(gather(call, 2, 1, false, "नमस्ते! मैं SHISHA हूँ, आपका GroMo सेल्स कोच। चलिए आपकी प्रोफ़ाइल"
                + " बनाते हैं, एक मिनट लगेगा। आपका नाम क्या है? फिर सुनने के लिए 0 दबाएँ, या मुख्य मेनू के लिए स्टार।"));
        twiml = speak(twiml, call, phone, "रमेश कुमार");
        assertThat(twiml).isEqualTo(gather(call, 3, 2, false, "आपसे मिलकर खुशी हुई, रमेश कुमार! आप किस शहर में काम करते हैं?"
                + " फिर सुनने के लिए 0 दबाएँ, या मुख्य मेनू के लिए स्टार।"));
        return twiml;
    }

    @Test
    void aStrangerPicksHindiGivesTheirNameByVoiceAndGoesOnInWhatsApp() {
        String phone = freshPhone();
        String call = newCallSid();
        onboardByVoice(call, phone);
        assertThat(post("/webhooks/twilio/voice/status", callForm(call, phone, "completed"))).isEqualTo(XML + "<Response/>");
        // the same conversation: WhatsApp takes up where the call left off, in the language picked on the call
        String reply = partnerSays(phone, "इंदौर", 0, true).get(0).body();
        assertThat(reply).contains("आप कौन से प्रोडक्ट बेचते हैं?");
        assertThat(calls.find(call)).hasValueSatisfying(c -> assertThat(c.endedAt()).isNotNull());
    }

    @Test
    void aKnownPartnerIsGreetedByNameAndUsesTheKeypad() {
        String phone = freshPhone();
        String first = newCallSid();
        String twiml = onboardByVoice(first, phone);
        twiml = speak(twiml, first, phone, "इंदौर");
        assertThat(twiml).isEqualTo(gather(first, 4, 3, false, "आप कौन से प्रोडक्ट बेचते हैं? एक नंबर दबाएँ, या कई नंबर बीच में"
                + " स्टार के साथ, जैसे 1 स्टार 3। लोन के लिए 1 दबाएँ। क्रेडिट कार्ड के लिए 2 दबाएँ। बीमा के लिए 3 दबाएँ।"
                + " बचत खाता के लिए 4 दबाएँ। डीमैट खाता के लिए 5 दबाएँ। सभी के लिए 6 दबाएँ।"));
        twiml = press(twiml, first, phone, "1*3");
        assertThat(twiml).isEqualTo(gather(first, 5, 4, true, "कृपया अपनी प्रोफ़ाइल सुनें। नाम: रमेश कुमार। भाषा: हिंदी।"
                + " शहर: इन्दौर, मध्य प्रदेश। प्रोडक्ट: लोन, बीमा। क्या यह सही है? हाँ के लिए 1 दबाएँ। नहीं के लिए 2 दबाएँ।"));
        twiml = press(twiml, first, phone, "1");
        assertThat(twiml).startsWith(gather(first, 6, 5, true, "सब तैयार है, रमेश कुमार!").split("सब तैयार है")[0])
                .endsWith(MENU_HI + "</Say></Gather><Redirect method=\"POST\">" + PUBLIC_BASE
                        + "/webhooks/twilio/voice/quiet?n=6&amp;r=" + first + "-5&amp;q=1</Redirect></Response>");
        post("/webhooks/twilio/voice/status", callForm(first, phone, "completed"));

        String call = newCallSid();
        twiml = post("/webhooks/twilio/voice", callForm(call, phone, "ringing"));
        assertThat(twiml).isEqualTo(gather(call, 2, 1, true, "नमस्ते रमेश कुमार! मैं SHISHA हूँ, आपका GroMo सेल्स कोच। मुख्य मेनू।"
                + " अगला कदम: अपनी ताकत जानने के लिए स्किल क्विज़ दें: मुख्य मेनू पर 2 दबाएँ। " + MENU_HI));

        String leads = press(twiml, call, phone, "1");
        assertThat(leads).contains("आपकी टॉप लीड", "लीड 1 के लिए 1 दबाएँ।", "नई लीड के लिए 4 दबाएँ।", "numDigits=\"1\"")
                .doesNotContain("*", "·");
        // 0 says the same again, without a turn
        assertThat(press(leads, call, phone, "0")).isEqualTo(leads);
        int turns = jdbc.sql("select count(*) from call_turns where call_sid = :c").param("c", call).query(Integer.class).single();
        assertThat(turns).isEqualTo(2);

        twiml = press(leads, call, phone, "*");
        assertThat(twiml).endsWith(MENU_HI + "</Say></Gather><Redirect method=\"POST\">" + PUBLIC_BASE
                + "/webhooks/twilio/voice/quiet?n=4&amp;r=" + call + "-3&amp;q=1</Redirect></Response>");
        assertThat(press(twiml, call, phone, "7")).contains("यह बटन मेनू में नहीं है। " + MENU_HI);
        String person = press(twiml, call, phone, "9");
        assertThat(person).contains("मैंने GroMo टीम के एक व्यक्ति से आपको कॉल या मैसेज करने को कहा है। आपका रेफ़रेंस SH-");
        // on the operators' handoff queue, where a person takes it from the console
        assertThat(jdbc.sql("select count(*) from handoffs where address = :a and reason = 'PARTNER_ASKED'")
                .param("a", phone).query(Integer.class).single()).isEqualTo(1);

        // silence: asked again twice, then goodbye
        String quiet = post(redirectOf(person), callForm(call, phone, "in-progress"));
        assertThat(quiet).contains(HI_SAY + "मुझे कुछ सुनाई नहीं दिया। मैंने GroMo टीम").contains("&amp;q=2</Redirect>");
        quiet = post(redirectOf(quiet), callForm(call, phone, "in-progress"));
        assertThat(quiet).contains("&amp;q=3</Redirect>");
        assertThat(post(redirectOf(quiet), callForm(call, phone, "in-progress"))).isEqualTo(XML + "<Response>" + HI_SAY
                + "SHISHA को कॉल करने के लिए धन्यवाद। नमस्ते!</Say><Hangup/></Response>");
    }

    @Test
    void aReplyTheCallerDidNotHearGoesOutOnWhatsAppWhenTheCallEnds() {
        String phone = freshPhone();
        String call = newCallSid();
        onboardByVoice(call, phone);
        // a turn of the call whose answer nobody waits for (the caller hung up while it was worked on)
        String turn = call + "-9";
        calls.turnTaken(call, turn);
        ingest.accept(new com.shisha.core.InboundMessage(turn, new com.shisha.core.ConversationKey(com.shisha.core.Channel.WHATSAPP, phone),
                com.shisha.core.InboundMessage.spokenOn(call), "इंदौर", java.util.List.of(), null, java.time.Instant.now()));
        assertThat(awaitProcessed(turn, REPLY_TIMEOUT)).isTrue();
        TwilioStandIn.sleep(1500);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).as("held while the call may still hear it").isEmpty();
        post("/webhooks/twilio/voice/status", callForm(call, phone, "completed"));
        var sent = TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).contains("आप कौन से प्रोडक्ट बेचते हैं?");
        assertThat(sent.get(0).from()).isEqualTo(WHATSAPP_FROM);
    }

    @Test
    void aTurnStillWorkedOnGetsAFillerAndTwilioComesBackForIt() {
        String phone = freshPhone();
        String call = newCallSid();
        post("/webhooks/twilio/voice", callForm(call, phone, "ringing"));
        // a turn of the call that is taken but not answered within the webhook's wait (a slow coach)
        calls.turnTaken(call, call + "-7");
        String twiml = post("/webhooks/twilio/voice/wait?n=8&t=" + call + "-7&w=1", callForm(call, phone, "in-progress"));
        assertThat(twiml).isEqualTo(XML + "<Response><Say language=\"en-IN\" voice=\"Polly.Raveena\">Still working on it.</Say>"
                + "<Redirect method=\"POST\">" + PUBLIC_BASE + "/webhooks/twilio/voice/wait?n=8&amp;t=" + call + "-7&amp;w=2</Redirect></Response>");
    }

    @Test
    void voiceWebhooksAreSignedForOurAccountAndWellFormed() {
        String phone = freshPhone();
        String call = newCallSid();
        Map<String, String> form = callForm(call, phone, "ringing");
        assertThat(postForm("/webhooks/twilio/voice", form, "bad-signature").statusCode()).isEqualTo(403);
        Map<String, String> other = callForm(call, phone, "ringing");
        other.put("AccountSid", "AC" + "0".repeat(32));
        HttpResponse<String> foreign = postSigned("/webhooks/twilio/voice", other);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"error\":\"forbidden\"");
        Map<String, String> bad = callForm("CA-not-a-call", phone, "ringing");
        assertThat(postSigned("/webhooks/twilio/voice", bad).statusCode()).isEqualTo(400);
        assertThat(calls.find(call)).isEmpty();
    }

    /** A partner onboarded on a first call (Hindi, Indore, loans and insurance), which then ended. */
    private void onboardedByVoice(String phone) {
        String call = newCallSid();
        String twiml = onboardByVoice(call, phone);
        twiml = speak(twiml, call, phone, "इंदौर");
        twiml = press(twiml, call, phone, "1*3");
        assertThat(press(twiml, call, phone, "1")).contains(MENU_HI);
        post("/webhooks/twilio/voice/status", callForm(call, phone, "completed"));
    }

    private record LeadOnScreen(long id, String firstName, String phone) {
    }

    @Autowired
    com.shisha.core.NamesInHindi names;

    /** The lead the partner has open, its first name as a Hindi reader sees it. */
    private LeadOnScreen openedLead(String phone) {
        LeadOnScreen lead = jdbc.sql("""
                        select l.id, split_part(l.name, ' ', 1) as first, l.phone from leads l
                         where l.id = (select (c.slots ->> 'lead.id')::bigint from conversations c where c.conversation_key = :k)""")
                .param("k", "whatsapp:" + phone)
                .query((rs, n) -> new LeadOnScreen(rs.getLong("id"), rs.getString("first"), rs.getString("phone"))).single();
        return new LeadOnScreen(lead.id(), names.person(com.shisha.core.Language.HI, lead.firstName()), lead.phone());
    }

    private Map<String, String> legForm(String callSid, String phone, String status) {
        Map<String, String> f = callForm(callSid, phone, status);
        f.put("Direction", "outbound-api");
        f.put("From", SMS_FROM);
        f.put("To", phone);
        return f;
    }

    @Test
    void aPartnerAsksOnWhatsAppToBeConnectedToALeadAndTheRecordingGoesToReview() {
        String phone = freshPhone();
        onboardedByVoice(phone);
        partnerSays(phone, "लीड", 0, true);
        String detail = partnerSays(phone, "1", 1, true).get(1).body();
        assertThat(detail).contains("6. SHISHA के ज़रिए कॉल करें, रिव्यू के लिए रिकॉर्डिंग के साथ", "7. SHISHA के ज़रिए कॉल करें, बिना रिकॉर्डिंग");
        LeadOnScreen lead = openedLead(phone);

        String asked = partnerSays(phone, "6", 2, true).get(2).body();
        assertThat(asked).contains("मैं अभी SHISHA के नंबर से आपको कॉल कर रहा हूँ।", "कॉल रिकॉर्ड होगी");
        var placed = TwilioStandIn.awaitCallsPlaced(phone, REPLY_TIMEOUT);
        assertThat(placed).as("Twilio asked to call the partner").hasSize(1);
        long id = jdbc.sql("select id from lead_calls where lead_id = :l").param("l", lead.id()).query(Long.class).single();
        assertThat(placed.get(0).form()).containsEntry("From", SMS_FROM).containsEntry("Method", "POST")
                .containsEntry("Url", PUBLIC_BASE + "/webhooks/twilio/voice/bridge?c=" + id)
                .containsEntry("StatusCallback", PUBLIC_BASE + "/webhooks/twilio/voice/status?c=" + id);
        String leg = placed.get(0).sid();

        String bridge = post("/webhooks/twilio/voice/bridge?c=" + id, legForm(leg, phone, "in-progress"));
        assertThat(bridge).isEqualTo(XML + "<Response>" + HI_SAY + "आपको " + lead.firstName() + " से जोड़ रहे हैं, उन्हें SHISHA का नंबर"
                + " दिखेगा। यह कॉल आपके कोचिंग रिव्यू के लिए रिकॉर्ड हो रही है; " + lead.firstName() + " को भी सूचना सुनाई देगी।</Say>"
                + stream(id) + "<Dial action=\"" + PUBLIC_BASE + "/webhooks/twilio/voice/bridged?c=" + id + "\" callerId=\"" + SMS_FROM
                + "\" method=\"POST\" record=\"record-from-answer-dual\" recordingStatusCallback=\"" + PUBLIC_BASE
                + "/webhooks/twilio/voice/recording?c=" + id + "\" recordingStatusCallbackEvent=\"completed\""
                + " recordingStatusCallbackMethod=\"POST\" timeout=\"30\"><Number method=\"POST\" url=\"" + PUBLIC_BASE
                + "/webhooks/twilio/voice/notice?c=" + id + "\">" + lead.phone() + "</Number></Dial></Response>");
        String leadLeg = newCallSid();
        assertThat(post("/webhooks/twilio/voice/notice?c=" + id, legForm(leadLeg, lead.phone(), "in-progress")))
                .isEqualTo(XML + "<Response><Say language=\"en-IN\" voice=\"Polly.Raveena\">This call from your GroMo advisor is"
                        + " recorded for quality and training.</Say>" + HI_SAY + "आपके GroMo सलाहकार की यह कॉल गुणवत्ता और ट्रेनिंग"
                        + " के लिए रिकॉर्ड की जा रही है।</Say></Response>");

        Map<String, String> ended = legForm(leg, phone, "in-progress");
        ended.put("DialCallStatus", "completed");
        ended.put("DialCallDuration", "95");
        ended.put("DialCallSid", leadLeg);
        assertThat(post("/webhooks/twilio/voice/bridged?c=" + id, ended)).isEqualTo(XML + "<Response>" + HI_SAY
                + "कॉल खत्म हो गई। कैसी रही, यह WhatsApp पर पूछा जाएगा। नमस्ते!</Say><Hangup/></Response>");
        var sent = TwilioStandIn.awaitSent("whatsapp:" + phone, 4, REPLY_TIMEOUT);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(3).body()).startsWith(lead.firstName() + " के साथ कॉल कैसी रही?").contains("1. कॉल किया");

        Map<String, String> recording = legForm(leg, phone, "completed");
        recording.put("RecordingSid", "RE" + "1".repeat(32));
        recording.put("RecordingUrl", TwilioStandIn.baseUrl() + "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID
                + "/Recordings/RE" + "1".repeat(32));
        recording.put("RecordingStatus", "completed");
        recording.put("RecordingDuration", "94");
        assertThat(post("/webhooks/twilio/voice/recording?c=" + id, recording)).isEqualTo(XML + "<Response/>");
        assertThat(post("/webhooks/twilio/voice/recording?c=" + id, recording)).as("a repeated callback").isEqualTo(XML + "<Response/>");
        sent = TwilioStandIn.awaitSent("whatsapp:" + phone, 5, REPLY_TIMEOUT);
        // no speech model on this machine: the partner is told the review could not listen, not left waiting
        assertThat(sent.get(4).body()).isEqualTo("आपकी कॉल की रिकॉर्डिंग का रिव्यू नहीं हो पाया: यहाँ अभी बोली पहचानने की सुविधा उपलब्ध नहीं है।");
        TwilioStandIn.sleep(500);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).hasSize(5);
        assertThat(jdbc.sql("select status || ' ' || seconds || ' ' || (recording_url is not null) from lead_calls where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("ENDED 95 true");

        // the outcome is logged as after any call
        assertThat(partnerSays(phone, "2", 5, true).get(5).body()).contains(lead.firstName());
        post("/webhooks/twilio/voice/status", legForm(leg, phone, "completed"));
        TwilioStandIn.sleep(300);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).as("nothing more after the call's end").hasSize(6);
    }

    /** A Hindi-speaking partner, onboarded by voice, who opened the first lead and asked SHISHA to call them to it. */
    private LeadOnScreen askedToBeConnected(String phone) {
        onboardedByVoice(phone);
        partnerSays(phone, "लीड", 0, true);
        partnerSays(phone, "1", 1, true);
        LeadOnScreen lead = openedLead(phone);
        partnerSays(phone, "7", 2, true);
        return lead;
    }

    private void toldTheCallWasMissed(String phone, LeadOnScreen lead) {
        var sent = TwilioStandIn.awaitSent("whatsapp:" + phone, 4, REPLY_TIMEOUT);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(3).body()).startsWith("मैंने आपको " + lead.firstName() + " से जोड़ने के लिए कॉल किया, पर आपसे बात नहीं हो पाई।");
    }

    @Test
    void aPartnerWhoDoesNotAnswerSHISHAsCallIsToldOnWhatsApp() {
        String phone = freshPhone();
        LeadOnScreen lead = askedToBeConnected(phone);
        TwilioStandIn.Placed placed = TwilioStandIn.awaitCallsPlaced(phone, REPLY_TIMEOUT).get(0);
        String callback = placed.form().get("StatusCallback");
        assertThat(callback).startsWith(PUBLIC_BASE + "/webhooks/twilio/voice/status?c=");
        post(callback, legForm(placed.sid(), phone, "no-answer"));
        toldTheCallWasMissed(phone, lead);
        assertThat(jdbc.sql("select status from lead_calls where lead_id = :l").param("l", lead.id()).query(String.class).single())
                .isEqualTo("FAILED");
    }

    @Test
    void aMissedCallReportedBeforeTwilioAnsweredThePlacingRequestIsStillTold() {
        String phone = freshPhone();
        String leg = newCallSid();
        TwilioStandIn.placesCallsSlowly(phone, leg, 3_000);
        LeadOnScreen lead = askedToBeConnected(phone);
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        Long dialling = null;
        while (dialling == null && System.nanoTime() < deadline) {
            dialling = jdbc.sql("select id from lead_calls where lead_id = :l and status = 'DIALLING' and call_sid is null")
                    .param("l", lead.id()).query(Long.class).optional().orElse(null);
            TwilioStandIn.sleep(20);
        }
        assertThat(dialling).as("the call is being placed, its sid not yet known").isNotNull();
        // Twilio may report the missed call before SHISHA has stored the call's sid: the callback still finds it
        post("/webhooks/twilio/voice/status?c=" + dialling, legForm(leg, phone, "busy"));
        toldTheCallWasMissed(phone, lead);
        assertThat(TwilioStandIn.awaitCallsPlaced(phone, REPLY_TIMEOUT)).hasSize(1);
        TwilioStandIn.sleep(200);
        assertThat(jdbc.sql("select status || ' ' || call_sid from lead_calls where id = :id").param("id", dialling)
                .query(String.class).single()).as("the placer's late answer changes nothing").isEqualTo("FAILED " + leg);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).hasSize(4);
    }

    @Test
    void aCallAskedOnThePhoneLineIsBridgedOnItAndHowItWentIsAskedThere() {
        String phone = freshPhone();
        onboardedByVoice(phone);
        String call = newCallSid();
        String twiml = post("/webhooks/twilio/voice", callForm(call, phone, "ringing"));
        String leads = press(twiml, call, phone, "1");
        String detail = press(leads, call, phone, "1");
        assertThat(detail).contains("या मैं अभी आपको उनसे जोड़ सकता हूँ।", "कॉल, रिकॉर्डिंग के साथ के लिए 6 दबाएँ।",
                "कॉल, बिना रिकॉर्डिंग के लिए 7 दबाएँ।");
        LeadOnScreen lead = openedLead(phone);
        String bridge = press(detail, call, phone, "7");
        long id = jdbc.sql("select id from lead_calls where call_sid = :c").param("c", call).query(Long.class).single();
        assertThat(bridge).isEqualTo(XML + "<Response>" + HI_SAY + "अभी आपको " + lead.firstName() + " से जोड़ रहा हूँ।</Say>"
                + stream(id) + "<Dial action=\"" + PUBLIC_BASE + "/webhooks/twilio/voice/bridged?c=" + id + "&amp;n=5\" callerId=\"" + SMS_FROM
                + "\" method=\"POST\" timeout=\"30\"><Number>" + lead.phone() + "</Number></Dial></Response>");
        assertThat(TwilioStandIn.callsPlacedTo(phone)).as("bridged on the call, not placed anew").isEmpty();

        Map<String, String> ended = callForm(call, phone, "in-progress");
        ended.put("DialCallStatus", "no-answer");
        ended.put("DialCallDuration", "0");
        String after = post("/webhooks/twilio/voice/bridged?c=" + id + "&n=5", ended);
        assertThat(after).contains(HI_SAY + lead.firstName() + " ने कॉल नहीं उठाई।", "कॉल किया के लिए 1 दबाएँ।",
                "turn?n=6&amp;r=" + call + "-5");
        assertThat(jdbc.sql("select status from lead_calls where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("FAILED");
    }

    @Test
    void withoutASpeechModelTheLiveTipsSayListeningIsOff() throws Exception {
        String phone = freshPhone();
        onboardedByVoice(phone);
        String call = newCallSid();
        String twiml = post("/webhooks/twilio/voice", callForm(call, phone, "ringing"));
        String detail = press(press(twiml, call, phone, "1"), call, phone, "1");
        press(detail, call, phone, "7");
        long id = jdbc.sql("select id from lead_calls where call_sid = :c").param("c", call).query(Long.class).single();
        byte[] quiet = new byte[MediaStreamReplay.FRAME_BYTES * 50];
        java.util.Arrays.fill(quiet, (byte) 0xFF); // μ-law silence
        new LiveTipsTest.Replayer(port).replay(MediaStreamReplay.messages(call, "MZ" + "c".repeat(32), id, quiet, quiet));
        assertThat(jdbc.sql("select kind || ': ' || tip from lead_call_tips where call_id = :id").param("id", id).query(String.class).list())
                .containsExactly("LISTENING_OFF: लाइव टिप्स बंद हैं: इस सर्वर पर बोली पहचानने का मॉडल नहीं है, इसलिए SHISHA कॉल नहीं सुन सकता।");
        assertThat(jdbc.sql("select summary from lead_calls where id = :id").param("id", id).query(String.class).single())
                .startsWith("0 मिनट 0 सेकंड की कॉल: ग्राहक ने कोई आपत्ति नहीं उठाई");
    }

    /** The media stream a bridged call starts before dialling the lead: both sides, to the live tips. */
    private static String stream(long id) {
        return "<Start><Stream track=\"both_tracks\" url=\"wss://bot.example.test/webhooks/twilio/media\"><Parameter name=\"c\" value=\""
                + id + "\"/></Stream></Start>";
    }

    private static String redirectOf(String twiml) {
        int start = twiml.indexOf("<Redirect method=\"POST\">") + "<Redirect method=\"POST\">".length();
        return twiml.substring(start, twiml.indexOf("</Redirect>"));
    }
}
