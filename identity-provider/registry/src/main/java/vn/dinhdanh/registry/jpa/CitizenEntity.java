package vn.dinhdanh.registry.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Row of {@code registry_citizen}. Enumerations are stored as their names in VARCHAR columns. The date of birth
 * is stored in its ISO partial form plus separate year/month/day columns (month and day nullable) for queries.
 */
@Entity
@Table(name = "registry_citizen")
public class CitizenEntity {

    @Id
    @Column(name = "personal_id_number", length = 12, nullable = false)
    private String personalIdNumber;

    @Column(name = "full_name", length = 200, nullable = false)
    private String fullName;

    @Column(name = "date_of_birth", length = 10, nullable = false)
    private String dateOfBirth;

    @Column(name = "birth_year", nullable = false)
    private Integer birthYear;

    @Column(name = "birth_month")
    private Integer birthMonth;

    @Column(name = "birth_day")
    private Integer birthDay;

    @Column(name = "sex", length = 6, nullable = false)
    private String sex;

    @Column(name = "nationality", length = 100)
    private String nationality;

    @Column(name = "ethnicity", length = 100)
    private String ethnicity;

    @Column(name = "religion", length = 100)
    private String religion;

    @Column(name = "place_of_origin", length = 500)
    private String placeOfOrigin;

    @Column(name = "place_of_residence", length = 500)
    private String placeOfResidence;

    @Column(name = "life_status", length = 10, nullable = false)
    private String lifeStatus;

    public CitizenEntity() {
    }

    public String getPersonalIdNumber() { return personalIdNumber; }
    public void setPersonalIdNumber(String v) { this.personalIdNumber = v; }
    public String getFullName() { return fullName; }
    public void setFullName(String v) { this.fullName = v; }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String v) { this.dateOfBirth = v; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer v) { this.birthYear = v; }
    public Integer getBirthMonth() { return birthMonth; }
    public void setBirthMonth(Integer v) { this.birthMonth = v; }
    public Integer getBirthDay() { return birthDay; }
    public void setBirthDay(Integer v) { this.birthDay = v; }
    public String getSex() { return sex; }
    public void setSex(String v) { this.sex = v; }
    public String getNationality() { return nationality; }
    public void setNationality(String v) { this.nationality = v; }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String v) { this.ethnicity = v; }
    public String getReligion() { return religion; }
    public void setReligion(String v) { this.religion = v; }
    public String getPlaceOfOrigin() { return placeOfOrigin; }
    public void setPlaceOfOrigin(String v) { this.placeOfOrigin = v; }
    public String getPlaceOfResidence() { return placeOfResidence; }
    public void setPlaceOfResidence(String v) { this.placeOfResidence = v; }
    public String getLifeStatus() { return lifeStatus; }
    public void setLifeStatus(String v) { this.lifeStatus = v; }

    @Override
    public String toString() {
        return "CitizenEntity[masked]";
    }
}
