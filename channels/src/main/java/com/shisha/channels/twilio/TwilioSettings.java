package com.shisha.channels.twilio;

import com.shisha.core.InvalidConfigurationException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Twilio configuration, validated when built so a bad value stops start-up with the variable's name.
 *
 * @param apiBaseUrl     Twilio's REST API, or a stand-in on loopback for local runs and tests
 * @param publicBaseUrl  the URL Twilio calls us at; signatures are computed over it, not over what the proxy forwards
 * @param contentBaseUrl Twilio's Content API (the contents behind WhatsApp buttons and lists), or a stand-in on
 *                       loopback; the same rule as the REST API's, as the same credentials go there
 */
public record TwilioSettings(String accountSid, String authToken, String whatsappFrom, String smsFrom,
                             URI apiBaseUrl, URI publicBaseUrl, URI contentBaseUrl) {

    public static final URI TWILIO_API = URI.create("https://api.twilio.com");
    public static final URI TWILIO_CONTENT_API = URI.create("https://content.twilio.com");
    private static final String TWILIO_OR_LOOPBACK = "must be an https://*.twilio.com URL, or an http(s) URL on this machine "
            + "(localhost, 127.x.x.x or [::1]) for a stand-in: Twilio credentials are never sent anywhere else";
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    public TwilioSettings {
        require(accountSid != null && accountSid.matches("AC[0-9a-fA-F]{32}"), "TWILIO_ACCOUNT_SID",
                "must be 'AC' followed by 32 hex characters");
        require(authToken != null && authToken.length() >= 8, "TWILIO_AUTH_TOKEN", "must be set (at least 8 characters)");
        // eight digits at least: the portal builds its wa.me links from it, and has always refused shorter ones
        require(whatsappFrom == null || whatsappFrom.matches("whatsapp:\\+[1-9][0-9]{7,14}"), "TWILIO_WHATSAPP_FROM",
                "must look like whatsapp:+14155238886");
        require(smsFrom == null || smsFrom.isBlank() || smsFrom.matches("\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}"),
                "TWILIO_SMS_FROM", "must be an E.164 number like +14155238886 or a Messaging Service SID (MG...)");
        require(apiBaseUrl != null && isTwilioOrLoopback(apiBaseUrl), "TWILIO_API_BASE_URL", TWILIO_OR_LOOPBACK);
        require(contentBaseUrl != null && isTwilioOrLoopback(contentBaseUrl), "TWILIO_CONTENT_BASE_URL", TWILIO_OR_LOOPBACK);
        require(publicBaseUrl != null && publicBaseUrl.isAbsolute() && publicBaseUrl.getHost() != null
                        && (publicBaseUrl.getScheme().equals("https") || publicBaseUrl.getScheme().equals("http")),
                "PUBLIC_BASE_URL", "must be an absolute http(s) URL such as https://bot.example.com");
    }

    /** Twilio's own hosts with the REST and Content APIs. */
    public TwilioSettings(String accountSid, String authToken, String whatsappFrom, String smsFrom, URI apiBaseUrl,
                          URI publicBaseUrl) {
        this(accountSid, authToken, whatsappFrom, smsFrom, apiBaseUrl, publicBaseUrl, TWILIO_CONTENT_API);
    }

    static boolean isTwilioOrLoopback(URI uri) {
        String host = uri.getHost();
        String scheme = uri.getScheme();
        if (host == null || scheme == null || uri.getRawUserInfo() != null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && (host.equals("twilio.com") || host.endsWith(".twilio.com"))) {
            return true;
        }
        return (scheme.equals("http") || scheme.equals("https")) && isLoopbackHost(host);
    }

    /** Whether the URL names this machine (a stand-in), by the rule of {@link #isLoopbackHost}. */
    public static boolean isLoopback(URI uri) {
        return uri.getHost() != null && isLoopbackHost(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /**
     * The host names this machine: "localhost", or an IP literal of the loopback range. Only literals are judged
     * (nothing is looked up in DNS), and a literal is judged whole: "127.0.0.1.example.com" is a name, not 127.0.0.1.
     */
    static boolean isLoopbackHost(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        boolean ipv4 = IPV4.matcher(host).matches();
        boolean ipv6 = host.startsWith("[") && host.endsWith("]") && IPV6.matcher(host.substring(1, host.length() - 1)).matches();
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            // a literal: parsed, never resolved
            return InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // an octet over 255 and the like
        }
    }

    /** Where media downloads may carry our credentials: Twilio's API and media hosts only. */
    public static boolean isTwilioMediaHost(URI uri) {
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        return host != null && "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null
                && (uri.getPort() == -1 || uri.getPort() == 443)
                && (host.equals("api.twilio.com") || host.endsWith(".twiliocdn.com"));
    }

    private static void require(boolean ok, String variable, String rule) {
        if (!ok) {
            throw new InvalidConfigurationException(variable, rule);
        }
    }
}
