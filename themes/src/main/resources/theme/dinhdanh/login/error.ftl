<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false showClient=false; section>
    <#if section = "header">
        ${msg("citizenErrorTitle")}
    <#elseif section = "form">
        <div id="kc-error-message" class="dd-notice dd-notice--error" role="alert">
            <span class="dd-notice__icon" aria-hidden="true"></span>
            <p class="dd-notice__text instruction">${kcSanitize(message.summary)?no_esc}</p>
        </div>
        <#if traceId??>
            <p class="dd-small" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
        </#if>
        <#if !(skipLink??) && client?? && client.baseUrl?has_content>
            <p class="dd-actions"><a id="backToApplication" class="pf-v5-c-button pf-m-secondary pf-m-block dd-button" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
