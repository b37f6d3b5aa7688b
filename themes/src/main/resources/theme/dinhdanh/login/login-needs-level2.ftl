<#--
  A level-1 account picked a second factor that is for level-2 accounts (SMS code, authenticator app, security key);
  level2Reason "level1". Or a level-2 account picked the SMS code while its number is not confirmed after the chip-card
  proof; level2Reason "unproven". The message says what to do: use the chip card, under "Try another way".
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        <#if (level2Reason!"level1") == "unproven">${msg("secondFactorNotProvenTitle")}<#else>${msg("secondFactorNeedsLevel2Title")}</#if>
    <#elseif section = "form">
        <p class="dd-intro" id="dd-level2-intro"><#if (level2Reason!"level1") == "unproven">${msg("secondFactorNotProvenIntro")}<#else>${msg("secondFactorNeedsLevel2Intro")}</#if></p>
        <form id="dd-level2-cancel" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="cancel" value="on" type="submit">${msg("doCancel")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
