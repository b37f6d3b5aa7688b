<#--
  Consent per purpose (required action dinhdanh-purpose-consent). consentRelyingParty: who asks. consentPurposes: the
  purposes to decide, each with id, title, description and claims (the words were made by the server, and the consent
  record keeps the same words). consentAlreadyGiven: titles of this relying party's purposes consented to earlier.
  Nothing is ticked in advance: a purpose left unticked is refused, and closing the page gives nothing.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("consentTitle", consentRelyingParty)}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-consent-intro">${msg("consentIntro", consentRelyingParty)}</p>
        <form id="dd-consent-form" action="${url.loginAction}" method="post">
            <fieldset class="dd-fieldset" aria-describedby="dd-consent-intro">
                <legend class="dd-legend">${msg("consentPurposesLegend")}</legend>
                <#list consentPurposes as purpose>
                    <div class="dd-purpose">
                        <input type="checkbox" id="dd-purpose-${purpose.id}" name="purpose" value="${purpose.id}"
                               aria-describedby="dd-purpose-${purpose.id}-what dd-purpose-${purpose.id}-claims">
                        <div class="dd-purpose__text">
                            <label class="dd-purpose__title" for="dd-purpose-${purpose.id}">${purpose.title}</label>
                            <p class="dd-purpose__what" id="dd-purpose-${purpose.id}-what">${purpose.description}</p>
                            <p class="dd-purpose__claims" id="dd-purpose-${purpose.id}-claims">
                                <span class="dd-purpose__claims-label">${msg("consentClaimsLabel")}</span>
                                ${purpose.claims?join(", ")}
                            </p>
                        </div>
                    </div>
                </#list>
            </fieldset>
            <#if consentAlreadyGiven?has_content>
                <p class="dd-small" id="dd-consent-already">${msg("consentAlreadyGiven", consentAlreadyGiven?join(", "))}</p>
            </#if>
            <p class="dd-small" id="dd-consent-withdraw">${msg("consentWithdrawAnyTime")}</p>
            <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" name="decision" value="share" id="dd-consent-share" type="submit">${msg("consentShare")}</button>
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="decision" value="refuse" id="dd-consent-refuse" type="submit">${msg("consentRefuse")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
