package vn.dinhdanh.idp.sms;

import org.keycloak.provider.Provider;

/**
 * Sends a text message to a mobile phone. The default provider, {@code outbox}, writes to a file instead of a
 * phone (development and tests); a real SMS gateway is one more provider of this SPI, selected with
 * {@code --spi-sms-sender--provider=<id>}.
 */
public interface SmsSender extends Provider {

    /**
     * @param phoneNumber the recipient in E.164 form, e.g. {@code +84912000001}
     * @param text        the message; it may hold a one-time code, so it is never logged
     * @throws SmsNotSentException when the message could not be handed over for delivery
     */
    void send(String phoneNumber, String text) throws SmsNotSentException;

    @Override
    default void close() {
    }
}
