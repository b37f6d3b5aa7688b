<#--
  A level-1 account picked a second factor that is for level-2 accounts (SMS code, authenticator app, security key).
  The message (secondFactorNeedsLevel2) says what to do: prove the chip card once, under "Try another way".
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("secondFactorNeedsLevel2Title")}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-level2-intro">${msg("secondFactorNeedsLevel2Intro")}</p>
        <form id="dd-level2-cancel" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="cancel" value="on" type="submit">${msg("doCancel")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
