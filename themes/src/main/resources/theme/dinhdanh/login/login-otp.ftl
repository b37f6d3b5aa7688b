<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('totp'); section>
    <#if section = "header">
        ${msg("citizenOtpTitle")}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-otp-intro">${msg("citizenOtpIntro")}</p>
        <form id="kc-otp-login-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
            <#if otpLogin.userOtpCredentials?size gt 1>
                <fieldset class="dd-fieldset">
                    <legend class="dd-legend">${msg("citizenOtpChooseDevice")}</legend>
                    <#list otpLogin.userOtpCredentials as otpCredential>
                        <div class="dd-radio">
                            <input type="radio" id="kc-otp-credential-${otpCredential?index}" name="selectedCredentialId" value="${otpCredential.id}"
                                   <#if otpCredential.id == (otpLogin.selectedCredentialId!'')>checked</#if>>
                            <label for="kc-otp-credential-${otpCredential?index}">${otpCredential.userLabel}</label>
                        </div>
                    </#list>
                </fieldset>
            <#else>
                <input id="selectedCredentialId" type="hidden" name="selectedCredentialId" value="${otpLogin.selectedCredentialId!''}">
            </#if>
            <#assign otpError = messagesPerField.get('totp')>
            <@field.group name="otp" label=msg("loginOtpOneTime") error=otpError>
                <span class="${properties.kcInputClass} <#if otpError?has_content>${properties.kcError}</#if>">
                    <input id="otp" name="otp" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="8" autocomplete="one-time-code"
                           spellcheck="false" data-digits-only autofocus aria-describedby="dd-otp-intro<#if otpError?has_content> input-error-otp</#if>"
                           <#if otpError?has_content>aria-invalid="true"</#if>>
                </span>
            </@field.group>
            <div class="${properties.kcFormGroupClass}">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="login" id="kc-login" type="submit">${msg("doLogIn")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
