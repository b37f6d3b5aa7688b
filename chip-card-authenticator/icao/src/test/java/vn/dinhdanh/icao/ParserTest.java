package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.icao.lds.Dg13;
import vn.dinhdanh.icao.lds.Dg14;
import vn.dinhdanh.icao.lds.Dg15;
import vn.dinhdanh.icao.lds.EfCom;
import vn.dinhdanh.icao.lds.EfSod;
import vn.dinhdanh.icao.lds.LdsSecurityObjectInfo;
import vn.dinhdanh.icao.lds.Mrz;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.icao.virtualcard.VirtualCardIssuer;

class ParserTest {
    private final VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);

    @Test
    void whenGenuineFilesParsed_thenFieldsAreRead() throws Exception {
        EfSod sod = EfSod.parse(card.sod());
        assertThat(sod.signedDataVersion()).isEqualTo(3);
        assertThat(sod.certificates()).hasSize(1);
        LdsSecurityObjectInfo lds = LdsSecurityObjectInfo.parse(sod.eContent().orElseThrow(), vn.dinhdanh.icao.lds.Limits.DEFAULT);
        assertThat(lds.digestName()).isEqualTo("SHA-256");
        assertThat(lds.hashes()).containsOnlyKeys(1, 13, 14, 15);
        assertThat(EfCom.parse(card.com()).dataGroups()).containsExactly(1, 13, 14, 15);
        assertThat(EfCom.parse(card.com()).ldsVersion()).isEqualTo("0107");
        Mrz mrz = Mrz.parseDg1(card.dataGroup(1));
        assertThat(mrz.documentCode()).isEqualTo("ID");
        assertThat(mrz.issuingState()).isEqualTo("VNM");
        assertThat(mrz.documentNumber()).isEqualTo("090012345");
        assertThat(mrz.optionalData1()).isEqualTo("001090012345");
        assertThat(mrz.birthDate()).contains(LocalDate.of(1990, 5, 17));
        assertThat(mrz.primaryIdentifier()).isEqualTo("NGUYEN");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("VAN AN");
        assertThat(mrz.toString()).doesNotContain("090012345");
        Dg13 dg13 = Dg13.parse(card.dataGroup(13));
        assertThat(dg13.idNumber()).contains("001090012345");
        assertThat(dg13.fatherName()).contains("Nguyễn Văn Bình");
        assertThat(dg13.motherName()).contains("Trần Thị Cúc");
        assertThat(dg13.sexCode()).contains('M');
        assertThat(dg13.toString()).doesNotContain("001090012345");
        assertThat(Dg14.parse(card.dataGroup(14)).activeAuthenticationInfo()).isPresent();
        assertThat(Dg15.parse(card.dataGroup(15)).isRsa()).isFalse();
    }

    @Test
    void whenIcaoSpecimenMrz_thenCheckDigitsVerify() throws Exception {
        // ICAO 9303 part 5 TD1 specimen
        String mrz = "I<UTOD231458907<<<<<<<<<<<<<<<" + "7408122F1204159UTO<<<<<<<<<<<6" + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
        Mrz m = Mrz.parse(mrz);
        assertThat(m.documentNumber()).isEqualTo("D23145890");
        assertThat(m.expiryDate()).contains(LocalDate.of(2012, 4, 15));
        assertThat(Mrz.checkDigit("D23145890")).isEqualTo(7);
    }

    @Test
    void whenDg13HasEntriesOutsideSetAndUnknownFields_thenItIsParsedTolerantly() throws Exception {
        DERSequence body = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(1), new ASN1ObjectIdentifier("1.2.3"),
            new DERSequence(new ASN1Encodable[] {new ASN1Integer(1), new DERPrintableString("079203000001")}),
            new DERSequence(new ASN1Encodable[] {new ASN1Integer(3), new DERUTF8String("01/02/2003")}),
            new DERSequence(new ASN1Encodable[] {new ASN1Integer(99), new ASN1Integer(5)}),
            new DERSet(new DERSequence(new ASN1Encodable[] {new ASN1Integer(4), new DERUTF8String("Nữ")})),
            new org.bouncycastle.asn1.DERBitString(new byte[] {1})});
        byte[] dg13 = new DERTaggedObject(true, BERTags.APPLICATION, 13, body).getEncoded();
        Dg13 d = Dg13.parse(dg13);
        assertThat(d.idNumber()).contains("079203000001");
        assertThat(d.dateOfBirth()).contains(LocalDate.of(2003, 2, 1));
        assertThat(d.sexCode()).contains('F');
        assertThat(d.fields()).containsKey(99);
        assertThat(d.fullName()).isEmpty();
    }

    @Test
    void whenDataGroupIsTruncated_thenCheckedExceptionWithCode() {
        byte[] dg13 = card.dataGroup(13);
        for (int len = 0; len < dg13.length; len += 7) {
            byte[] cut = java.util.Arrays.copyOf(dg13, len);
            assertThatThrownBy(() -> Dg13.parse(cut)).isInstanceOf(IcaoException.class);
        }
    }

    @Test
    void whenMrzNameHasVietnameseLetters_thenTransliterated() {
        assertThat(VirtualCardIssuer.mrz(Fixtures.CITIZEN.withIdNumber("001090012345"))).endsWith("NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<");
    }
}
