<#--
  A new password (Keycloak's update-password step): after the chip-card proof that raised the account to level 2
  (the registration's password is removed then), or when an administrator asks for one. Fields and names are
  Keycloak's: password-new, password-confirm, logout-sessions.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "password-validation.ftl" as validator>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
    <#if section = "header">
        ${msg("citizenNewPasswordTitle")}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-new-password-intro">${msg("citizenNewPasswordIntro")}</p>
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
            <div class="${properties.kcFormGroupClass}">
                <@field.checkbox name="logout-sessions" label=msg("logoutOtherSessions") value=true />
            </div>
            <div class="${properties.kcFormGroupClass}">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="login" id="kc-submit" type="submit">${msg("doSubmit")}</button>
            </div>
            <#if isAppInitiatedAction??>
                <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" id="kc-cancel" name="cancel-aia" value="true" type="submit" formnovalidate>${msg("doCancel")}</button>
            </#if>
        </form>
        <@validator.templates/>
        <@validator.script field="password-new"/>
    </#if>
</@layout.registrationLayout>
