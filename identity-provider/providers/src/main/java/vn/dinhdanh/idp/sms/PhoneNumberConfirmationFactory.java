package vn.dinhdanh.idp.sms;

import vn.dinhdanh.idp.authentication.StatelessRequiredActionFactory;

public final class PhoneNumberConfirmationFactory extends StatelessRequiredActionFactory {

    public PhoneNumberConfirmationFactory() {
        super(PhoneNumberConfirmation.ID, "Confirm the mobile number after the chip-card proof (dinhdanh)", new PhoneNumberConfirmation());
    }
}
