<#--
  SMS one-time code (dinhdanh-sms-code): the code was sent to the number the citizen registered; only its last
  three digits are shown. The citizen can ask for a new code (the server enforces the wait and the limit).
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('sms_code'); section>
    <#if section = "header">
        ${msg("citizenSmsTitle")}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-sms-intro">${msg("citizenSmsIntro", smsPhone, smsLifespanMinutes)}</p>
        <form id="dd-sms-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
            <#assign smsError = messagesPerField.get('sms_code')>
            <@field.group name="sms_code" label=msg("citizenSmsCode") error=smsError>
                <span class="${properties.kcInputClass} <#if smsError?has_content>${properties.kcError}</#if>">
                    <input id="sms_code" name="sms_code" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="${smsDigits}" autocomplete="one-time-code"
                           spellcheck="false" data-digits-only autofocus aria-describedby="dd-sms-intro<#if smsError?has_content> input-error-sms_code</#if>"
                           <#if smsError?has_content>aria-invalid="true"</#if>>
                </span>
            </@field.group>
            <div class="${properties.kcFormGroupClass}">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="login" id="kc-login" type="submit">${msg("doLogIn")}</button>
            </div>
        </form>
        <form id="dd-sms-resend" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="resend" value="true" type="submit">${msg("citizenSmsResend")}</button>
        </form>
        <form id="dd-sms-cancel" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="cancel" value="on" type="submit">${msg("doCancel")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
