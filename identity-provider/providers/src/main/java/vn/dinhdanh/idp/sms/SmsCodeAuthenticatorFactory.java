package vn.dinhdanh.idp.sms;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import vn.dinhdanh.idp.authentication.DinhdanhAuthenticatorFactory;

public final class SmsCodeAuthenticatorFactory extends DinhdanhAuthenticatorFactory {

    public static final String ID = "dinhdanh-sms-code";

    public SmsCodeAuthenticatorFactory() {
        super(ID, "SMS one-time code (level-2 accounts)",
                "A six-digit code sent by SMS to the mobile number given at registration; offered to level-2 accounts only",
                new SmsCodeAuthenticator(), Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED);
    }
}
