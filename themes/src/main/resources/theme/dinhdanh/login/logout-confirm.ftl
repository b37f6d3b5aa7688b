<#import "template.ftl" as layout>
<@layout.registrationLayout showClient=false; section>
    <#if section = "header">
        ${msg("citizenLogoutTitle")}
    <#elseif section = "form">
        <div id="kc-logout-confirm">
            <p class="dd-intro">${msg("citizenLogoutQuestion")}</p>
            <form class="${properties.kcFormClass!}" action="${url.logoutConfirmAction}" onsubmit="confirmLogout.disabled = true; return true;" method="POST">
                <input type="hidden" name="session_code" value="${logoutConfirm.code}">
                <div class="${properties.kcFormGroupClass}">
                    <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="confirmLogout" id="kc-logout" type="submit">${msg("doLogout")}</button>
                </div>
            </form>
            <#if !logoutConfirm.skipLink && (client.baseUrl)?has_content>
                <p class="dd-actions"><a id="dd-stay-logged-in" href="${client.baseUrl}">${msg("logoutStayLoggedIn")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
