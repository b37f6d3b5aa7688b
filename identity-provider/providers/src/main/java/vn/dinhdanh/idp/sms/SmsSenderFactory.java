package vn.dinhdanh.idp.sms;

import org.keycloak.provider.ProviderFactory;

/** The factory of an {@link SmsSender}: one per gateway. */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {
}
