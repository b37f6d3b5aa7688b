<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
    <#if section = "header">
        ${msg("citizenLoginTitle")}
    <#elseif section = "form">
        <#-- the chip card first, at every level: a citizen is never pushed to the weaker method -->
        <#if chipCardExecution??>
        <form id="dd-chip-card-choice" class="dd-chip-choice" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" id="dd-login-chip-card" type="submit" name="dd_chip_card" value="1"
                    aria-describedby="dd-chip-card-choice-hint">${msg("loginWithChipCard")}</button>
            <p class="dd-hint" id="dd-chip-card-choice-hint">${msg("loginWithChipCardHint")}</p>
        </form>
        <p class="dd-separator" id="dd-login-or"><span>${msg("loginOrWithPassword")}</span></p>
        </#if>
        <p class="dd-intro" id="dd-login-intro">${msg("citizenLoginIntro")}</p>
        <#if realm.password>
        <#assign loginError = messagesPerField.getFirstError('username','password')>
        <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if !usernameHidden??>
            <@field.group name="username" label=msg("personalIdNumber") error=loginError>
                <p class="dd-hint" id="username-hint">${msg("personalIdNumberHint")}</p>
                <span class="${properties.kcInputClass} <#if loginError?has_content>${properties.kcError}</#if>">
                    <input id="username" name="username" type="text" inputmode="numeric" pattern="[0-9]{12}" maxlength="12"
                           autocomplete="username" spellcheck="false" autocapitalize="off" data-digits-only
                           value="${(login.username!'')}" autofocus
                           aria-describedby="username-hint<#if loginError?has_content> input-error-username</#if>"
                           <#if loginError?has_content>aria-invalid="true"</#if>>
                </span>
            </@field.group>
            </#if>
            <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                <#if realm.rememberMe && !usernameHidden??>
                    <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                </#if>
            </@field.password>
            <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>>
            <div class="${properties.kcFormGroupClass}">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="login" id="kc-login" type="submit">${msg("doLogIn")}</button>
            </div>
        </form>
        </#if>
    <#elseif section = "info">
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <p id="kc-registration">${msg("noAccountYet")} <a id="dd-register-link" href="${url.registrationUrl}">${msg("doRegisterLevel1")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
