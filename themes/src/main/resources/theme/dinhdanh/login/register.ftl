<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "password-validation.ftl" as validator>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true; section>
    <#if section = "header">
        ${msg("citizenRegisterTitle")}
    <#elseif section = "form">
        <p id="kc-register-intro">${msg("citizenRegisterIntro")}</p>
        <form id="kc-register-form" class="${properties.kcFormClass!}" action="${url.registrationAction}" method="post" novalidate="novalidate">
            <@field.group name="username" label=msg("personalIdNumber") error=messagesPerField.get('username') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('username')>${properties.kcError}</#if>">
                    <input id="username" name="username" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="12" autocomplete="username"
                           value="${(register.formData['username']!'')}" aria-describedby="input-error-username" autofocus
                           aria-invalid="<#if messagesPerField.existsError('username')>true</#if>"/>
                </span>
            </@field.group>
            <@field.group name="full_name" label=msg("fullName") error=messagesPerField.get('full_name') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('full_name')>${properties.kcError}</#if>">
                    <input id="full_name" name="full_name" type="text" autocomplete="name" value="${(register.formData['full_name']!'')}"
                           aria-describedby="input-error-full_name" aria-invalid="<#if messagesPerField.existsError('full_name')>true</#if>"/>
                </span>
            </@field.group>
            <@field.group name="birthdate" label=msg("birthdate") error=messagesPerField.get('birthdate') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('birthdate')>${properties.kcError}</#if>">
                    <input id="birthdate" name="birthdate" type="date" autocomplete="bday" value="${(register.formData['birthdate']!'')}"
                           aria-describedby="input-error-birthdate" aria-invalid="<#if messagesPerField.existsError('birthdate')>true</#if>"/>
                </span>
            </@field.group>
            <@field.group name="phone_number" label=msg("phoneNumber") error=messagesPerField.get('phone_number') required=true>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('phone_number')>${properties.kcError}</#if>">
                    <input id="phone_number" name="phone_number" type="tel" autocomplete="tel" value="${(register.formData['phone_number']!'')}"
                           aria-describedby="input-error-phone_number" aria-invalid="<#if messagesPerField.existsError('phone_number')>true</#if>"/>
                </span>
            </@field.group>
            <@field.password name="password" required=true label=msg("password") autocomplete="new-password" />
            <@field.password name="password-confirm" required=true label=msg("passwordConfirm") autocomplete="new-password" />

            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" type="submit" value="${msg("doRegister")}"/>
            </div>
            <div class="${properties.kcFormGroupClass!} pf-v5-c-login__main-footer-band">
                <div id="kc-form-options" class="${properties.kcFormOptionsClass!} pf-v5-c-login__main-footer-band-item">
                    <span><a href="${url.loginUrl}">${msg("backToLogin")}</a></span>
                </div>
            </div>
        </form>
        <@validator.templates/>
        <@validator.script field="password"/>
    </#if>
</@layout.registrationLayout>
