package com.shisha.channels.twilio;

import com.shisha.core.InvalidConfigurationException;

import java.net.URI;

/**
 * Twilio configuration, validated when built so a bad value stops start-up with the variable's name.
 *
 * @param apiBaseUrl    Twilio's REST API, or a stand-in on loopback for local runs and tests
 * @param publicBaseUrl the URL Twilio calls us at; signatures are computed over it, not over what the proxy forwards
 */
public record TwilioSettings(String accountSid, String authToken, String whatsappFrom, String smsFrom,
                             URI apiBaseUrl, URI publicBaseUrl) {

    public static final URI TWILIO_API = URI.create("https://api.twilio.com");

    public TwilioSettings {
        require(accountSid != null && accountSid.matches("AC[0-9a-fA-F]{32}"), "TWILIO_ACCOUNT_SID",
                "must be 'AC' followed by 32 hex characters");
        require(authToken != null && authToken.length() >= 8, "TWILIO_AUTH_TOKEN", "must be set (at least 8 characters)");
        require(whatsappFrom == null || whatsappFrom.matches("whatsapp:\\+[1-9][0-9]{6,14}"), "TWILIO_WHATSAPP_FROM",
                "must look like whatsapp:+14155238886");
        require(smsFrom == null || smsFrom.isBlank() || smsFrom.matches("\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}"),
                "TWILIO_SMS_FROM", "must be an E.164 number like +14155238886 or a Messaging Service SID (MG...)");
        require(apiBaseUrl != null && isTwilioOrLoopback(apiBaseUrl), "TWILIO_API_BASE_URL",
                "must be an https://*.twilio.com URL, or an http(s) URL on this machine (127.0.0.1/localhost) for a stand-in: "
                        + "Twilio credentials are never sent anywhere else");
        require(publicBaseUrl != null && publicBaseUrl.isAbsolute() && publicBaseUrl.getHost() != null
                        && (publicBaseUrl.getScheme().equals("https") || publicBaseUrl.getScheme().equals("http")),
                "PUBLIC_BASE_URL", "must be an absolute http(s) URL such as https://bot.example.com");
    }

    static boolean isTwilioOrLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null) {
            return false;
        }
        if (uri.getScheme().equals("https") && (host.equals("twilio.com") || host.endsWith(".twilio.com"))) {
            return true;
        }
        return (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /** Where media downloads may carry our credentials: Twilio's API and media hosts only. */
    public static boolean isTwilioMediaHost(URI uri) {
        String host = uri.getHost();
        return host != null && "https".equals(uri.getScheme())
                && (host.equals("api.twilio.com") || host.endsWith(".twiliocdn.com") || host.equals("media.twiliocdn.com"));
    }

    private static void require(boolean ok, String variable, String rule) {
        if (!ok) {
            throw new InvalidConfigurationException(variable, rule);
        }
    }
}
