<#-- Try another way: each way to log in is a real button in its own form, so it works by keyboard and screen reader. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
    <#if section = "header">
        ${msg("loginChooseAuthenticator")}
    <#elseif section = "form">
        <ul class="dd-choices" id="dd-login-methods">
            <#list auth.authenticationSelections as authenticationSelection>
                <li class="dd-choices__item">
                    <form id="kc-select-credential-form-${authenticationSelection?index}" action="${url.loginAction}" method="post">
                        <input type="hidden" name="authenticationExecution" value="${authenticationSelection.authExecId}">
                        <button type="submit" class="dd-choice" id="dd-choice-${authenticationSelection?index}">
                            <span class="dd-choice__name">${msg('${authenticationSelection.displayName}')}</span>
                            <span class="dd-choice__help">${msg('${authenticationSelection.helpText}')}</span>
                        </button>
                    </form>
                </li>
            </#list>
        </ul>
    </#if>
</@layout.registrationLayout>
