<#--
  Mobile number after the chip-card proof that raised the account to level 2 (required action dinhdanh-confirm-phone).
  phoneStep "offer": the registration's number (smsPhone, only its last three digits): send it a code, say it is not
  yours, or go on without a number. "code": type the code sent to smsPhone, ask for a new one, or say the number is
  not yours. "number": give a number (a code is then sent to it), or go on without one; phoneCanSend is false once this
  login can send no more codes.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('sms_code','phone_number'); section>
    <#if section = "header">
        ${msg("citizenPhoneTitle")}
    <#elseif section = "form">
        <#if phoneStep == "offer">
            <p class="dd-intro" id="dd-phone-intro">${msg("citizenPhoneRaiseIntro", smsPhone)}</p>
            <form id="dd-phone-offer" action="${url.loginAction}" method="post">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="send" value="true" id="dd-phone-offer-send" type="submit">${msg("citizenPhoneSendToThis")}</button>
            </form>
            <form id="dd-phone-other" action="${url.loginAction}" method="post">
                <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="other" value="true" type="submit">${msg("citizenPhoneNotMine")}</button>
            </form>
        <#elseif phoneStep == "code">
            <p class="dd-intro" id="dd-phone-code-intro">${msg("citizenPhoneCodeIntro", smsPhone, smsLifespanMinutes)}</p>
            <form id="dd-phone-code-form" class="${properties.kcFormClass!}" onsubmit="confirm.disabled = true; return true;" action="${url.loginAction}" method="post">
                <#assign codeError = messagesPerField.get('sms_code')>
                <@field.group name="sms_code" label=msg("citizenSmsCode") error=codeError>
                    <span class="${properties.kcInputClass} <#if codeError?has_content>${properties.kcError}</#if>">
                        <input id="sms_code" name="sms_code" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="${smsDigits}" autocomplete="one-time-code"
                               spellcheck="false" data-digits-only autofocus aria-describedby="dd-phone-code-intro<#if codeError?has_content> input-error-sms_code</#if>"
                               <#if codeError?has_content>aria-invalid="true"</#if>>
                    </span>
                </@field.group>
                <div class="${properties.kcFormGroupClass}">
                    <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="confirm" id="dd-phone-confirm" type="submit">${msg("citizenPhoneConfirm")}</button>
                </div>
            </form>
            <form id="dd-phone-resend" action="${url.loginAction}" method="post">
                <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="resend" value="true" type="submit">${msg("citizenSmsResend")}</button>
            </form>
            <form id="dd-phone-other" action="${url.loginAction}" method="post">
                <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="other" value="true" type="submit">${msg("citizenPhoneNotMine")}</button>
            </form>
        <#else>
            <p class="dd-intro" id="dd-phone-number-intro">${msg("citizenPhoneNumberIntro")}</p>
            <#if phoneCanSend>
            <form id="dd-phone-number-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <#assign phoneError = messagesPerField.get('phone_number')>
                <@field.group name="phone_number" label=msg("phoneNumber") error=phoneError>
                    <span class="${properties.kcInputClass} <#if phoneError?has_content>${properties.kcError}</#if>">
                        <input id="phone_number" name="phone_number" type="tel" autocomplete="tel" autofocus
                               aria-describedby="dd-phone-number-intro<#if phoneError?has_content> input-error-phone_number</#if>"
                               <#if phoneError?has_content>aria-invalid="true"</#if>>
                    </span>
                </@field.group>
                <div class="${properties.kcFormGroupClass}">
                    <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" id="dd-phone-send" type="submit">${msg("citizenPhoneSendCode")}</button>
                </div>
            </form>
            </#if>
        </#if>
        <form id="dd-phone-skip" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="skip" value="true" type="submit">${msg("citizenPhoneSkip")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
