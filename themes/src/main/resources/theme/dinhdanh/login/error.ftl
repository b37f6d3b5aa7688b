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
        <#-- Start the login again where Keycloak can (a page inside a login); other error pages have no such URL. -->
        <#attempt><#assign restartUrl = (client?? && authenticationSession??)?then(url.loginRestartFlowUrl, "")><#recover><#assign restartUrl = ""></#attempt>
        <#if restartUrl?has_content && !(skipLink??)>
            <p class="dd-actions"><a id="dd-start-again" class="pf-v5-c-button pf-m-secondary pf-m-block dd-button" href="${restartUrl}">${msg("doStartAgain")}</a></p>
        </#if>
        <#if !(skipLink??) && client?? && client.baseUrl?has_content>
            <p class="dd-actions"><a id="backToApplication" class="pf-v5-c-button pf-m-secondary pf-m-block dd-button" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
