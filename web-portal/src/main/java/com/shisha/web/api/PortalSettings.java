package com.shisha.web.api;

import java.time.Duration;

/**
 * The web portal's settings, read and checked by {@link com.shisha.web.WebSettings} (docs/configuration.md).
 *
 * @param whatsappNumber   our WhatsApp number in digits for wa.me links (from TWILIO_WHATSAPP_FROM); null when
 *                         WhatsApp is off: then the pages point at the simulator, and codes are not sent (there is
 *                         no sender for them)
 * @param appUrl           where the partner app is offered (store page); null hides the link
 * @param maxFailedLogins  failed sign-ins per account within {@code lockout} before it is locked for the rest of it
 * @param lockout          the window failures are counted in
 * @param codeTtl          how long a code sent to WhatsApp can be used
 * @param codeTemplateSid  an approved WhatsApp template (authentication category, variable 1 = the code) for codes
 *                         to partners outside WhatsApp's 24-hour window; null sends plain text
 * @param devCodes         answer codes in the response too: only while the dev sign-in is open, when anyone can
 *                         sign in by phone number alone anyway
 */
public record PortalSettings(String whatsappNumber, String appUrl, int maxFailedLogins, Duration lockout, Duration codeTtl,
                             String codeTemplateSid, boolean devCodes) {
}
