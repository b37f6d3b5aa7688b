package vn.dinhdanh.idp.sms;

/** A message could not be handed over for delivery. The message text says why, without the phone number. */
public final class SmsNotSentException extends Exception {

    public SmsNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
