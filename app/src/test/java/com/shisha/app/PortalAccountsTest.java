package com.shisha.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's accounts over HTTP: phone proof, no account enumeration, lockout, codes, validation. */
class PortalAccountsTest extends AbstractApiTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String PASSWORD = "a good long password";

    private Response register(String name, String email, String phone, String password) {
        return call("POST", "/api/v1/portal/register", null, Map.of("name", name, "email", email, "password", password, "phone", phone));
    }

    private Response login(String email, String password) {
        return call("POST", "/api/v1/portal/login", null, Map.of("email", email, "password", password));
    }

    private static String email(String phone) {
        return "p" + phone.substring(3) + "@example.test";
    }

    private static List<TwilioStandIn.Sent> whatsapp(String phone, int atLeast) {
        return TwilioStandIn.awaitSent("whatsapp:" + phone, atLeast, REPLY_TIMEOUT);
    }

    private static String lastCode(String phone, int count) {
        List<TwilioStandIn.Sent> sent = whatsapp(phone, count);
        assertThat(sent).hasSize(count);
        Matcher m = CODE.matcher(sent.get(count - 1).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private JsonNode verified(String email, String phone) {
        Response r = call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", email, "code", lastCode(phone, 1)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aPhoneIsLinkedOnlyOnceItsWhatsAppCodeComesBack() {
        String phone = freshPhone();
        // a partner who already uses the app (or WhatsApp) with that number
        JsonNode existing = signIn(phone).get("partner");
        String email = email(phone);

        Response registered = register("Someone Else", email, phone, PASSWORD);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("verification_sent");
        assertThat(whatsapp(phone, 1).get(0).body()).startsWith("Your SHISHA portal code is ");

        // the right password is not enough while the phone is unproven; a fresh code is sent
        login(email, PASSWORD).error(403, "phone_not_verified");
        assertThat(whatsapp(phone, 2)).hasSize(2);
        Response wrong = call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", email, "code", "000000"));
        if (!lastCode(phone, 2).equals("000000")) {
            wrong.error(400, "invalid_code");
        }
        Response ok = call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", email, "code", lastCode(phone, 2)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode partner = ok.json().get("partner");
        assertThat(partner.get("id").asLong()).isEqualTo(existing.get("id").asLong());

        // the portal's session is the app's session
        String token = login(email, PASSWORD).json().get("token").asString();
        assertThat(get("/api/v1/partners/me", token).json().get("phone").asString()).isEqualTo(phone);
        // a used code is gone
        call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", email, "code", lastCode(phone, 2))).error(400, "invalid_code");
    }

    /** 98123 45678, 098123 45678, 91-98123-45678 and +91 98123 45678 are one number, kept as +919812345678. */
    @Test
    void phoneNumbersAreTakenAsIndiansTypeThem() {
        List<java.util.function.UnaryOperator<String>> typings = List.of(
                p -> p.substring(3, 8) + " " + p.substring(8),
                p -> "0" + p.substring(3),
                p -> "91-" + p.substring(3, 8) + "-" + p.substring(8),
                p -> "+91 " + p.substring(3, 8) + " " + p.substring(8));
        for (var typed : typings) {
            String phone = freshPhone();
            Response r = register("Asha Verma", email(phone), typed.apply(phone), PASSWORD);
            assertThat(r.status()).as("%s: %s", typed.apply(phone), r.body()).isEqualTo(201);
            assertThat(r.body()).contains(phone);
            assertThat(whatsapp(phone, 1)).as("the code goes to %s", phone).hasSize(1);
        }
        Response tooShort = register("Asha Verma", "short@example.test", "98123 4567", PASSWORD);
        JsonNode field = tooShort.error(400, "validation_failed").get("fields").get(0);
        assertThat(field.get("field").asString()).isEqualTo("phone");
        assertThat(field.get("code").asString()).isEqualTo("invalid");
    }

    /** A blank field broke two rules (present, and shaped right): one problem per field, the missing value. */
    @Test
    void eachFieldHasOneProblemWithACodeTheProblemWordsInItsLanguage() {
        Response r = call("POST", "/api/v1/portal/register", null, Map.of("name", "", "email", "not an email", "password", "short", "phone", ""));
        JsonNode fields = r.error(400, "validation_failed").get("fields");
        List<String> names = new java.util.ArrayList<>();
        fields.forEach(f -> names.add(f.get("field").asString() + ":" + f.get("code").asString()));
        assertThat(names).containsExactly("email:invalid", "name:required", "password:invalid", "phone:required");
    }

    @Test
    void registeringATakenEmailOrPhoneAnswersTheSameAndSendsNothing() {
        String phone = freshPhone();
        String email = email(phone);
        Response first = register("Asha Verma", email, phone, PASSWORD);
        assertThat(first.status()).isEqualTo(201);
        verified(email, phone);

        String otherPhone = freshPhone();
        Response sameEmail = register("Mallory", email.toUpperCase(), otherPhone, "another password 1");
        Response samePhone = register("Mallory", "other" + email, phone, "another password 1");
        for (Response r : List.of(sameEmail, samePhone)) {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().get("status").asString()).isEqualTo("verification_sent");
            assertThat(r.json().has("devCode")).isFalse();
        }
        assertThat(first.json().get("message").asString().replace(phone, "#"))
                .isEqualTo(samePhone.json().get("message").asString().replace(phone, "#"));
        TwilioStandIn.sleep(300);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + otherPhone)).isEmpty();
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).hasSize(1);
        // nothing changed: the old password signs in, the newcomer's does not
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        login(email, "another password 1").error(401, "invalid_credentials");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String phone = freshPhone();
        String email = email(phone);
        register("Kavya Nair", email, phone, PASSWORD);
        verified(email, phone);
        for (int i = 0; i < 4; i++) {
            JsonNode e = login(email, "wrong password " + i).error(401, "invalid_credentials");
            assertThat(e.get("message").asString()).isEqualTo("the email or the password is not right");
        }
        login(email, "wrong password 5").error(429, "too_many_attempts");
        login(email, PASSWORD).error(429, "too_many_attempts");

        // an unknown email fails with the same words, and locks the same way
        String nobody = "nobody-" + phone.substring(3) + "@example.test";
        assertThat(login(nobody, PASSWORD).error(401, "invalid_credentials").get("message").asString())
                .isEqualTo("the email or the password is not right");
    }

    @Test
    void forgotPasswordAnswersTheSameForAnyEmailAndTheCodeResetsIt() {
        String phone = freshPhone();
        String email = email(phone);
        register("Imran Shaikh", email, phone, PASSWORD);
        verified(email, phone);

        Response unknown = call("POST", "/api/v1/portal/forgot-password", null, Map.of("email", "nobody-" + email));
        Response known = call("POST", "/api/v1/portal/forgot-password", null, Map.of("email", email));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.json().get("message")).isEqualTo(known.json().get("message"));
        String code = lastCode(phone, 2);
        assertThat(whatsapp(phone, 2).get(1).body()).startsWith("Your SHISHA password reset code is " + code);

        Map<String, String> wrong = Map.of("email", email, "code", code.equals("111111") ? "222222" : "111111", "newPassword", "my new password 9");
        call("POST", "/api/v1/portal/reset-password", null, wrong).error(400, "invalid_code");
        Response reset = call("POST", "/api/v1/portal/reset-password", null, Map.of("email", email, "code", code, "newPassword", "my new password 9"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("token").asString()).isNotBlank();
        login(email, PASSWORD).error(401, "invalid_credentials");
        assertThat(login(email, "my new password 9").status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsEverySessionIssuedBeforeIt() {
        String phone = freshPhone();
        String email = email(phone);
        register("Farah Qureshi", email, phone, PASSWORD);
        String portalToken = verified(email, phone).get("token").asString();
        String appToken = tokenFor(phone);
        assertThat(get("/api/v1/partners/me", portalToken).status()).isEqualTo(200);
        assertThat(get("/api/v1/partners/me", appToken).status()).isEqualTo(200);

        call("POST", "/api/v1/portal/forgot-password", null, Map.of("email", email));
        Response reset = call("POST", "/api/v1/portal/reset-password", null,
                Map.of("email", email, "code", lastCode(phone, 2), "newPassword", "my new password 9"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);

        get("/api/v1/partners/me", portalToken).error(401, "unauthorized");
        get("/api/v1/partners/me", appToken).error(401, "unauthorized");
        assertThat(get("/api/v1/partners/me", reset.json().get("token").asString()).status()).isEqualTo(200);
        Response again = login(email, "my new password 9");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(get("/api/v1/partners/me", again.json().get("token").asString()).status()).isEqualTo(200);
        assertThat(get("/api/v1/partners/me", tokenFor(phone)).status()).isEqualTo(200);
    }

    @Test
    void aCodeAllowsFiveGuessesThenNotEvenTheRightOne() {
        String phone = freshPhone();
        String email = email(phone);
        register("Lata Iyer", email, phone, PASSWORD);
        String code = lastCode(phone, 1);
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", email, "code", wrong)).error(400, "invalid_code");
        }
        call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", email, "code", code)).error(400, "invalid_code");
    }

    @Test
    void invalidRegistrationsNameTheirFields() {
        JsonNode e = register("", "not-an-email", "+14155550100", "short").error(400, "validation_failed");
        assertThat(e.get("fields").findValuesAsString("field")).contains("name", "email", "phone", "password");
        // BCrypt reads 72 bytes: 30 Devanagari letters are 90 bytes
        JsonNode tooLong = register("Asha", email(freshPhone()), freshPhone(), "क".repeat(30)).error(400, "validation_failed");
        assertThat(tooLong.get("fields").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void thePagesLinkToOurWhatsAppNumber() {
        Response config = get("/api/v1/portal/config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("whatsappUrl").asString()).isEqualTo("https://wa.me/14155238886?text=hi");
        assertThat(config.json().get("simulatorUrl").asString()).isEqualTo("/simulator");
    }
}
