<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "password-validation.ftl" as validator>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global'); section>
    <#if section = "header">
        ${msg("citizenRegisterTitle")}
    <#elseif section = "form">
        <p id="kc-register-intro" class="dd-intro">${msg("citizenRegisterIntro")}</p>
        <p class="dd-required-note"><span class="dd-required" aria-hidden="true">*</span> ${msg("requiredFields")}</p>
        <form id="kc-register-form" class="${properties.kcFormClass!}" action="${url.registrationAction}" method="post" novalidate="novalidate">
            <@field.group name="username" label=msg("personalIdNumber") error=messagesPerField.get('username') required=true>
                <p class="dd-hint" id="username-hint">${msg("personalIdNumberHint")}</p>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('username')>${properties.kcError}</#if>">
                    <input id="username" name="username" type="text" inputmode="numeric" pattern="[0-9]{12}" maxlength="12" autocomplete="username" data-digits-only spellcheck="false"
                           value="${(register.formData['username']!'')}" autofocus
                           aria-describedby="username-hint<#if messagesPerField.existsError('username')> input-error-username</#if>"
                           <#if messagesPerField.existsError('username')>aria-invalid="true"</#if>/>
                </span>
            </@field.group>
            <@field.group name="full_name" label=msg("fullName") error=messagesPerField.get('full_name') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('full_name')>${properties.kcError}</#if>">
                    <input id="full_name" name="full_name" type="text" autocomplete="name" value="${(register.formData['full_name']!'')}" <#if messagesPerField.existsError('full_name')>aria-describedby="input-error-full_name"</#if>
                            <#if messagesPerField.existsError('full_name')>aria-invalid="true"</#if>/>
                </span>
            </@field.group>
            <@field.group name="birthdate" label=msg("birthdate") error=messagesPerField.get('birthdate') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('birthdate')>${properties.kcError}</#if>">
                    <input id="birthdate" name="birthdate" type="date" autocomplete="bday" value="${(register.formData['birthdate']!'')}" <#if messagesPerField.existsError('birthdate')>aria-describedby="input-error-birthdate"</#if>
                            <#if messagesPerField.existsError('birthdate')>aria-invalid="true"</#if>/>
                </span>
            </@field.group>
            <@field.group name="phone_number" label=msg("phoneNumber") error=messagesPerField.get('phone_number') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('phone_number')>${properties.kcError}</#if>">
                    <input id="phone_number" name="phone_number" type="tel" autocomplete="tel" value="${(register.formData['phone_number']!'')}" <#if messagesPerField.existsError('phone_number')>aria-describedby="input-error-phone_number"</#if>
                            <#if messagesPerField.existsError('phone_number')>aria-invalid="true"</#if>/>
                </span>
            </@field.group>
            <@field.password name="password" required=true label=msg("password") autocomplete="new-password" />
            <@field.password name="password-confirm" required=true label=msg("passwordConfirm") autocomplete="new-password" />

            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" type="submit" id="dd-register-submit">${msg("doRegister")}</button>
            </div>
            <p id="kc-form-options" class="dd-actions"><a id="dd-back-to-login" href="${url.loginUrl}">${msg("backToLogin")}</a></p>
        </form>
        <@validator.templates/>
        <@validator.script field="password"/>
    </#if>
</@layout.registrationLayout>
