package org.tipline.notify;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The HTTP gateway that sends SMS (the common "Messages" API: a form-encoded POST with {@code To}, {@code From} and
 * {@code Body}, basic auth). All four settings, or none: with none SMS is off ({@link Outbox#enqueueSms} writes
 * nothing) and mail still goes; with some but not all the start stops ({@link SmsGateway#of}). The send timeout is
 * {@code tipline.notify.send-timeout}, as for mail.
 */
@ConfigMapping(prefix = "tipline.sms")
public interface SmsSettings {

    /** Where messages are posted, in full, e.g. {@code https://api.example.com/2010-04-01/Accounts/AC123/Messages.json}. */
    Optional<String> url();

    /** The basic-auth user name (the gateway's account id). */
    Optional<String> account();

    /** The basic-auth password (the gateway's auth token): a secret, never logged. */
    Optional<String> token();

    /** The sender number or id the gateway sends from ({@code From}). */
    Optional<String> from();
}
