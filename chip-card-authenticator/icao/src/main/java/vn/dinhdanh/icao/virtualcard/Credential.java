package vn.dinhdanh.icao.virtualcard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import org.bouncycastle.cert.X509CertificateHolder;

/** A test certificate with its key pair. */
public record Credential(X509CertificateHolder certificate, KeyPair keyPair, KeySpec keySpec) {
    public byte[] certificateDer() {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
