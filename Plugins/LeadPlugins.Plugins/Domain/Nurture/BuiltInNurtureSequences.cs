using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// The package's built-in sequences, used when no active configured sequence matches a lead. One per campaign
    /// type and variant (8 in all); each runs about three weeks (last step at 15 business days) and ends with a
    /// "Qualify or disqualify" task. Nurture (AppSource) sequences speak to business buyers (process, outcomes,
    /// stakeholders, business case); Demand generation (Azure Marketplace) sequences to technical buyers
    /// (architecture, deployment, security, operations, purchase route). Calls and tasks brief the seller;
    /// e-mails are customer-facing drafts.
    /// <code>
    /// sequence                                  steps (business day: activity)
    /// Built-in Nurture: Contact me              1 call (High), 2 e-mail, 5 task demo, 9 e-mail stories, 12 call, 15 qualify
    /// Built-in Nurture: Get it now              0 e-mail welcome (High), 2 onboarding call (High), 5 task adoption, 10 e-mail tips, 15 qualify
    /// Built-in Nurture: Trial                   1 e-mail, 3 follow-up call (High), 7 e-mail, 11 call, 15 qualify
    /// Built-in Nurture: General                 1 call, 2 e-mail, 8 e-mail, 15 qualify
    /// Built-in Demand generation: Contact me    1 technical call (High), 2 e-mail, 5 task PoC plan, 9 e-mail security, 12 call, 15 qualify
    /// Built-in Demand generation: Get it now    0 e-mail (High), 2 deployment call (High), 5 task review, 10 e-mail ops, 15 qualify
    /// Built-in Demand generation: Trial         1 e-mail, 3 follow-up call (High), 7 e-mail, 11 call, 15 qualify
    /// Built-in Demand generation: General       1 call, 2 e-mail, 8 e-mail, 15 qualify
    /// </code>
    /// Lead actions and priorities are set so that the eight, copied into rows as they are, select exactly as
    /// the built-in fallback does (specific variants priority 10, General priority 0 with any action).
    /// </summary>
    public static class BuiltInNurtureSequences
    {
        public const int SpecificPriority = 10;
        public const int GeneralPriority = 0;

        public const string QualifySubject = "Qualify or disqualify: {companyname} ({offertitle})";
        public const string QualifyDescription =
            "The nurture sequence for this {campaigntype} lead from {storefront} ends today.\n\n"
            + "Qualify the lead into an opportunity when there is a confirmed need, a decision maker and a timeline.\n"
            + "Otherwise disqualify it with the reason (no response, no budget, not a fit, bought elsewhere).\n\n"
            + "Closing the lead stops the sequence and cancels its open nurture activities.";

        /// <summary>All eight built-in sequences (fresh instances), Nurture first, in variant order.</summary>
        public static IReadOnlyList<NurtureSequenceDefinition> All() => new[]
        {
            NurtureContactMe(), NurtureAcquisition(), NurtureTrial(), NurtureGeneral(),
            DemandContactMe(), DemandAcquisition(), DemandTrial(), DemandGeneral(),
        };

        // The eight sequences as All() lists them. Definitions are immutable, so every lead shares one instance of each
        // (For ran once per enrolled lead and built a sequence, its steps and its texts each time).
        private static readonly IReadOnlyList<NurtureSequenceDefinition> Shared = All();

        /// <summary>The built-in sequence for a campaign type and lead action (an unknown campaign type gets Nurture).</summary>
        public static NurtureSequenceDefinition For(CampaignType campaignType, LeadAction? action)
        {
            var first = campaignType == CampaignType.DemandGeneration ? 4 : 0;
            return VariantOf(action) switch
            {
                BuiltInNurtureVariant.ContactMe => Shared[first],
                BuiltInNurtureVariant.Acquisition => Shared[first + 1],
                BuiltInNurtureVariant.Trial => Shared[first + 2],
                _ => Shared[first + 3],
            };
        }

        public static BuiltInNurtureVariant VariantOf(LeadAction? action) => action switch
        {
            LeadAction.ContactMe => BuiltInNurtureVariant.ContactMe,
            LeadAction.GetItNow => BuiltInNurtureVariant.Acquisition,
            LeadAction.Create => BuiltInNurtureVariant.Acquisition,
            LeadAction.TestDrive => BuiltInNurtureVariant.Trial,
            LeadAction.FreeTrial => BuiltInNurtureVariant.Trial,
            _ => BuiltInNurtureVariant.General,
        };

        // ---- Nurture (AppSource): business buyers ----------------------------------------------------------

        private static NurtureSequenceDefinition NurtureContactMe() => Sequence(
            "Built-in Nurture: Contact me", CampaignType.Nurture, BuiltInNurtureVariant.ContactMe,
            Call(1, "Discovery call", 1, StepPriority.High,
                "Discovery call: {firstname} at {companyname} asked about {offertitle}",
                "{firstname} at {companyname} pressed \"Contact me\" on {offertitle} in {storefront}. Call within one business day: interest fades fast.\n\n"
                + "Before the call, read the customer's notes in the lead description.\n"
                + "On the call, confirm:\n"
                + "- the business problem and the process it affects\n"
                + "- who else is involved in the decision and who signs\n"
                + "- timeline, budget and the tools they use today\n\n"
                + "End with an agreed next step, ideally a tailored demo for the business owner."),
            Mail(2, "Follow-up after the discovery call", 2, StepPriority.Normal,
                "{offertitle}: a summary of our conversation and next steps",
                "Hi {firstname},\n\n"
                + "Thank you for your interest in {offertitle} on {storefront} and for your time on the phone.\n\n"
                + "As promised, here is a short summary of how {offertitle} can help {companyname}, together with the next steps we agreed. "
                + "I am happy to send a short overview your colleagues can read before we meet again.\n\n"
                + "If anyone else at {companyname} should join the next conversation, let me know and I will include them.\n\n"
                + "Best regards,"),
            Task(3, "Tailored demo", 5, StepPriority.Normal,
                "Prepare a tailored demo of {offertitle} for {companyname}",
                "Build the demo around the business process {firstname} described, not around the feature list. "
                + "Invite the business owner and whoever signs off the purchase. Show the outcome first (time saved, errors avoided, "
                + "visibility gained), then how it works. Log the demo date on the lead."),
            Mail(4, "Customer stories", 9, StepPriority.Normal,
                "How organisations like {companyname} get results with {offertitle}",
                "Hi {firstname},\n\n"
                + "Teams that consider {offertitle} usually want to know what results others have seen and how long it took them. "
                + "Here are a few customer stories from organisations with goals similar to those of {companyname}.\n\n"
                + "If it helps, I can also put together a short business case for your stakeholders: expected benefits, licensing and the effort to roll it out.\n\n"
                + "Best regards,"),
            Call(5, "Business case check-in", 12, StepPriority.Normal,
                "Check-in with {firstname}: business case and decision timeline for {offertitle}",
                "Ask how the internal review of {offertitle} is going at {companyname}. Confirm the decision makers, the budget and the "
                + "target start date, and answer open questions on licensing, rollout or support. Offer a proposal or a pilot if they are ready."),
            Qualify(6));

        private static NurtureSequenceDefinition NurtureAcquisition() => Sequence(
            "Built-in Nurture: Get it now", CampaignType.Nurture, BuiltInNurtureVariant.Acquisition,
            Mail(1, "Welcome e-mail", 0, StepPriority.High,
                "Welcome to {offertitle}: your first steps",
                "Hi {firstname},\n\n"
                + "Thank you for choosing {offertitle} on {storefront}. To help {companyname} get value quickly, here are three first steps:\n\n"
                + "1. Invite the colleagues who will use {offertitle} every day.\n"
                + "2. Set up the one business process you want to improve first.\n"
                + "3. Book a short onboarding call with us, so we can check the setup together.\n\n"
                + "Reply to this e-mail with any question; I am your contact for the rollout.\n\n"
                + "Best regards,"),
            Call(2, "Onboarding call", 2, StepPriority.High,
                "Onboarding call: {offertitle} at {companyname}",
                "{firstname} at {companyname} acquired {offertitle} (Get it now). Call to make sure the start goes well: who owns the rollout, "
                + "which teams and business processes come first, and what business result they expect in 30 days. Note blockers (permissions, data, "
                + "integrations) and agree on who resolves them."),
            Task(3, "First-week adoption check", 5, StepPriority.Normal,
                "Check first-week adoption of {offertitle} at {companyname}",
                "Review how far {companyname} got in the first week: users invited, first process live, open support requests. "
                + "If adoption is slow, offer a short working session for the team. Record what you learn on the lead."),
            Mail(4, "Adoption tips", 10, StepPriority.Normal,
                "Getting more from {offertitle}: tips for your team",
                "Hi {firstname},\n\n"
                + "Now that {companyname} has been using {offertitle} for a couple of weeks, here is what successful teams do next:\n\n"
                + "- share a simple dashboard so managers see the results\n"
                + "- agree on one owner for settings and new users\n"
                + "- plan the next process to bring in\n\n"
                + "If you would like a short review session with your team, reply and we will find a time.\n\n"
                + "Best regards,"),
            Qualify(5));

        private static NurtureSequenceDefinition NurtureTrial() => Sequence(
            "Built-in Nurture: Trial", CampaignType.Nurture, BuiltInNurtureVariant.Trial,
            Mail(1, "Trial welcome", 1, StepPriority.Normal,
                "Your trial of {offertitle}: what to try first",
                "Hi {firstname},\n\n"
                + "Thank you for trying {offertitle} on {storefront}. To see what it can do for {companyname} in little time, start with the "
                + "scenario closest to your daily work and follow it from start to finish.\n\n"
                + "If you would like a guided walkthrough, or a trial set up with your own data, reply to this e-mail and I will arrange it.\n\n"
                + "Best regards,"),
            Call(2, "Trial follow-up call", 3, StepPriority.High,
                "Trial follow-up: {firstname} at {companyname} tried {offertitle}",
                "{firstname} at {companyname} started a trial of {offertitle}. Call once the trial has been used (a test drive ends within hours; "
                + "for a free trial, ask how far they got): what they tried, what worked, what was missing or unclear. Find the business problem "
                + "behind the trial and who else would need to see it."),
            Mail(3, "From trial to rollout", 7, StepPriority.Normal,
                "From trial to rollout: {offertitle} at {companyname}",
                "Hi {firstname},\n\n"
                + "Thank you again for trying {offertitle}. Moving from a trial to everyday use is usually simpler than expected: we help you set up "
                + "your own environment, bring in your data and train the first team.\n\n"
                + "I would be glad to walk you through the options and the licensing that fits {companyname}.\n\n"
                + "Best regards,"),
            Call(4, "Decision call", 11, StepPriority.Normal,
                "Decision call with {firstname}: next steps after the trial of {offertitle}",
                "Check whether {companyname} wants to move forward after the trial. Confirm the decision makers, budget and timing, and offer "
                + "a pilot, a proposal or a longer trial where that removes the last doubts."),
            Qualify(5));

        private static NurtureSequenceDefinition NurtureGeneral() => Sequence(
            "Built-in Nurture: General", CampaignType.Nurture, BuiltInNurtureVariant.General,
            Call(1, "Introductory call", 1, StepPriority.Normal,
                "Introductory call: {companyname} and {offertitle}",
                "{firstname} at {companyname} showed interest in {offertitle} on {storefront}. Call to learn what prompted the interest, "
                + "which business process is involved and who decides. Agree on a next step."),
            Mail(2, "Introduction e-mail", 2, StepPriority.Normal,
                "{offertitle}: how we can help {companyname}",
                "Hi {firstname},\n\n"
                + "Thank you for your interest in {offertitle} on {storefront}. I would like to understand what {companyname} wants to achieve, "
                + "so I can show you the parts of {offertitle} that matter to you.\n\n"
                + "Would a 30-minute conversation this week or next suit you?\n\n"
                + "Best regards,"),
            Mail(3, "Customer stories", 8, StepPriority.Normal,
                "How organisations like {companyname} use {offertitle}",
                "Hi {firstname},\n\n"
                + "Here are a few examples of how organisations with goals similar to those of {companyname} use {offertitle}, and the results they saw.\n\n"
                + "If one of them is close to what you have in mind, I would be happy to show you how it works in a short call.\n\n"
                + "Best regards,"),
            Qualify(4));

        // ---- Demand generation (Azure Marketplace): technical buyers -----------------------------------------

        private static NurtureSequenceDefinition DemandContactMe() => Sequence(
            "Built-in Demand generation: Contact me", CampaignType.DemandGeneration, BuiltInNurtureVariant.ContactMe,
            Call(1, "Technical discovery call", 1, StepPriority.High,
                "Technical discovery call: {firstname} at {companyname} asked about {offertitle}",
                "{firstname} at {companyname} asked to be contacted about {offertitle} on {storefront}. Call within one business day.\n\n"
                + "On the call, establish:\n"
                + "- the workload and the architecture it fits into (Azure services, identity, networking)\n"
                + "- the deployment model they prefer (SaaS, virtual machine, managed application, containers)\n"
                + "- security, compliance and data residency requirements\n"
                + "- how they buy: pay-as-you-go, a private offer, or against an Azure consumption commitment\n\n"
                + "Agree on a technical deep dive or a proof of concept as the next step."),
            Mail(2, "Architecture overview", 2, StepPriority.Normal,
                "{offertitle}: architecture overview and deployment options",
                "Hi {firstname},\n\n"
                + "Thank you for your interest in {offertitle} on {storefront}. As discussed, here is how {offertitle} is deployed on Azure, "
                + "which services it relies on and how it integrates with your identity and networking setup.\n\n"
                + "I can also share our security documentation and a reference architecture for an environment like that of {companyname}. "
                + "Let me know which engineers should receive them.\n\n"
                + "Best regards,"),
            Task(3, "Proof-of-concept plan", 5, StepPriority.Normal,
                "Prepare a proof-of-concept plan for {companyname}: {offertitle}",
                "Write a short proof-of-concept plan with the team of {firstname}: success criteria they agree with, the test data and "
                + "environment (their subscription or ours), the people involved and a two-week timeline. Involve a solution engineer."),
            Mail(4, "Security and operations documentation", 9, StepPriority.Normal,
                "Security, compliance and operations documentation for {offertitle}",
                "Hi {firstname},\n\n"
                + "Technical teams evaluating {offertitle} usually ask about security, compliance and day-to-day operations: how data is "
                + "protected, which certifications apply, how the solution is monitored and scaled, and what running it on Azure costs. "
                + "You will find our answers below.\n\n"
                + "If your security or platform team has a questionnaire, send it over and we will complete it.\n\n"
                + "Best regards,"),
            Call(5, "Proof-of-concept review", 12, StepPriority.Normal,
                "Proof-of-concept review with {firstname}: {offertitle} at {companyname}",
                "Review the proof of concept or technical evaluation against the agreed success criteria. Capture open technical issues, "
                + "the target go-live and who approves the purchase (including whether it counts towards an Azure consumption commitment)."),
            Qualify(6));

        private static NurtureSequenceDefinition DemandAcquisition() => Sequence(
            "Built-in Demand generation: Get it now", CampaignType.DemandGeneration, BuiltInNurtureVariant.Acquisition,
            Mail(1, "Deployment welcome", 0, StepPriority.High,
                "Getting started with {offertitle} on Azure",
                "Hi {firstname},\n\n"
                + "Thank you for deploying {offertitle} from {storefront}. A few recommendations for the first days:\n\n"
                + "1. Confirm that the resource group, region and plan match what you intend to run in production.\n"
                + "2. Connect monitoring (Azure Monitor, Log Analytics) so you see health and usage from day one.\n"
                + "3. Review access and assign roles to the engineers who will operate it.\n\n"
                + "If anything in the deployment did not work as expected, reply to this e-mail and our engineers will help.\n\n"
                + "Best regards,"),
            Call(2, "Deployment check-in", 2, StepPriority.High,
                "Deployment check-in: {offertitle} at {companyname}",
                "{firstname} at {companyname} deployed {offertitle} (Get it now, or Create in the Azure portal). Call to confirm that the deployment "
                + "succeeded and is configured for their workload: plan and sizing, region, integrations, and who operates it. Capture any "
                + "errors and route them to support."),
            Task(3, "Technical adoption review", 5, StepPriority.Normal,
                "Review technical adoption of {offertitle} at {companyname}",
                "Check with the team of {firstname} how {offertitle} runs after the first week: usage, performance, open support cases and "
                + "integration work still to do. Offer an architecture review or a working session with a solution engineer where it helps."),
            Mail(4, "Operations tips", 10, StepPriority.Normal,
                "Operating {offertitle} on Azure: monitoring, scaling and cost tips",
                "Hi {firstname},\n\n"
                + "Now that {offertitle} has been running at {companyname} for a couple of weeks, here are practices that keep it healthy and cost-effective:\n\n"
                + "- set alerts on the metrics that matter for your workload\n"
                + "- review sizing and scaling rules against real usage\n"
                + "- tag the resources and follow costs in Azure Cost Management\n\n"
                + "We are happy to review your setup with your engineers.\n\n"
                + "Best regards,"),
            Qualify(5));

        private static NurtureSequenceDefinition DemandTrial() => Sequence(
            "Built-in Demand generation: Trial", CampaignType.DemandGeneration, BuiltInNurtureVariant.Trial,
            Mail(1, "Trial next steps", 1, StepPriority.Normal,
                "Your trial of {offertitle}: next steps",
                "Hi {firstname},\n\n"
                + "Thank you for trying {offertitle} on {storefront}. A trial shows the product in a prepared setting; the next step is usually "
                + "to try it against your own architecture and data.\n\n"
                + "If you tell me which scenario matters most to {companyname}, I will set up a technical session with one of our engineers.\n\n"
                + "Best regards,"),
            Call(2, "Trial follow-up call", 3, StepPriority.High,
                "Trial follow-up: technical questions from {companyname} on {offertitle}",
                "{firstname} at {companyname} tried {offertitle}. Call once the trial has been used (a test drive ends within hours; for a free "
                + "trial, ask how far they got): what they tested, what worked, what was missing, and how it would fit their Azure environment. "
                + "Identify the engineer who owns the evaluation."),
            Mail(3, "Deployment options", 7, StepPriority.Normal,
                "From trial to deployment: {offertitle} in your own Azure subscription",
                "Hi {firstname},\n\n"
                + "When you are ready to go beyond the trial, {offertitle} can be deployed into the Azure subscription of {companyname}. We can help "
                + "you choose the plan and sizing, run a proof of concept with your data and plan the production rollout.\n\n"
                + "Shall we schedule a short technical session?\n\n"
                + "Best regards,"),
            Call(4, "Evaluation check-in", 11, StepPriority.Normal,
                "Evaluation check-in with {firstname}: {offertitle}",
                "Ask whether the technical evaluation of {offertitle} at {companyname} is complete. Confirm the remaining requirements, the "
                + "decision makers and the purchase route (pay-as-you-go, private offer, Azure consumption commitment)."),
            Qualify(5));

        private static NurtureSequenceDefinition DemandGeneral() => Sequence(
            "Built-in Demand generation: General", CampaignType.DemandGeneration, BuiltInNurtureVariant.General,
            Call(1, "Introductory technical call", 1, StepPriority.Normal,
                "Introductory call: {companyname} and {offertitle}",
                "{firstname} at {companyname} showed interest in {offertitle} on {storefront}. Call to learn about the workload, their Azure "
                + "environment and who evaluates the technology. Agree on a next step."),
            Mail(2, "Technical introduction", 2, StepPriority.Normal,
                "{offertitle}: technical overview for {companyname}",
                "Hi {firstname},\n\n"
                + "Thank you for your interest in {offertitle} on {storefront}. Here is a short technical overview: how it is deployed on Azure, "
                + "how it integrates with your identity and networking, and how it is secured and operated.\n\n"
                + "Would a 30-minute session with one of our engineers be useful for your team?\n\n"
                + "Best regards,"),
            Mail(3, "Reference architectures", 8, StepPriority.Normal,
                "Reference architectures for {offertitle} on Azure",
                "Hi {firstname},\n\n"
                + "Teams like yours often start from a reference architecture. Here are the ones we see most often with {offertitle}, with "
                + "notes on sizing, availability and cost.\n\n"
                + "If none of them fits the environment of {companyname}, we can sketch one with your engineers.\n\n"
                + "Best regards,"),
            Qualify(4));

        // ---- helpers ------------------------------------------------------------------------------------------

        private static NurtureSequenceDefinition Sequence(string name, CampaignType campaignType, BuiltInNurtureVariant variant,
            params NurtureStepDefinition[] steps) =>
            new NurtureSequenceDefinition(name, campaignType, steps,
                leadActions: ActionsOf(variant),
                priority: variant == BuiltInNurtureVariant.General ? GeneralPriority : SpecificPriority,
                isBuiltIn: true);

        private static IEnumerable<LeadAction> ActionsOf(BuiltInNurtureVariant variant) => variant switch
        {
            BuiltInNurtureVariant.ContactMe => new[] { LeadAction.ContactMe },
            BuiltInNurtureVariant.Acquisition => new[] { LeadAction.GetItNow, LeadAction.Create },
            BuiltInNurtureVariant.Trial => new[] { LeadAction.TestDrive, LeadAction.FreeTrial },
            _ => Enumerable.Empty<LeadAction>(),
        };

        private static NurtureStepDefinition Qualify(int order) =>
            Task(order, "Qualify or disqualify", 15, StepPriority.High, QualifySubject, QualifyDescription);

        private static NurtureStepDefinition Task(int order, string name, int offset, StepPriority priority, string subject, string description) =>
            new NurtureStepDefinition(order, NurtureActivityType.Task, subject, description, offset, priority, name);

        private static NurtureStepDefinition Call(int order, string name, int offset, StepPriority priority, string subject, string description) =>
            new NurtureStepDefinition(order, NurtureActivityType.PhoneCall, subject, description, offset, priority, name);

        private static NurtureStepDefinition Mail(int order, string name, int offset, StepPriority priority, string subject, string description) =>
            new NurtureStepDefinition(order, NurtureActivityType.Email, subject, description, offset, priority, name);
    }
}
