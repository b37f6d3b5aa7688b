<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false showClient=false; section>
    <#if section = "header">
        <#if messageHeader??>
            ${kcSanitize(msg("${messageHeader}"))?no_esc}
        <#else>
            ${message.summary}
        </#if>
    <#elseif section = "form">
        <#-- The message is the heading already, unless a separate heading was given or actions are listed. -->
        <#if messageHeader?? || requiredActions??>
        <div id="kc-info-message" class="dd-notice dd-notice--info" role="status">
            <span class="dd-notice__icon" aria-hidden="true"></span>
            <p class="dd-notice__text instruction">${message.summary}<#if requiredActions??><#list requiredActions>: <strong><#items as reqActionItem>${kcSanitize(msg("requiredAction.${reqActionItem}"))?no_esc}<#sep>, </#items></strong></#list></#if></p>
        </div>
        <#elseif message.summary == msg("successLogout")>
        <p id="kc-info-message" class="dd-intro">${msg("loggedOutSharedComputerAdvice")}</p>
        <#else>
        <div id="kc-info-message"></div>
        </#if>
        <#if !(skipLink??)>
            <#if pageRedirectUri?has_content>
                <p class="dd-actions"><a class="pf-v5-c-button pf-m-primary pf-m-block dd-button" href="${pageRedirectUri}">${msg("backToApplication")}</a></p>
            <#elseif actionUri?has_content>
                <p class="dd-actions"><a class="pf-v5-c-button pf-m-primary pf-m-block dd-button" href="${actionUri}">${msg("proceedWithAction")}</a></p>
            <#elseif (client.baseUrl)?has_content>
                <p class="dd-actions"><a class="pf-v5-c-button pf-m-secondary pf-m-block dd-button" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
            </#if>
        </#if>
    </#if>
</@layout.registrationLayout>
