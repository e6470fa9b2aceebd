using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The cheap, look-up-free first pass over one lead: recognises marketplace, test and co-sell leads in the three
    /// input shapes and normalises contact data. No Regex, no LINQ; known codes allocate nothing.
    /// </summary>
    public static class MarketplaceLeadParser
    {
        private const int MinPhoneDigits = 5;

        /// <summary>
        /// Parses <paramref name="fields"/>. Order of evidence: a <c>Source-Action|Offer</c> value in subject,
        /// description, mpl_leadsource, then the configured extra columns (first found wins); otherwise the separate
        /// mpl_leadsource / mpl_actioncode values (codes or Partner Center labels), completed from the JSON payload in
        /// description. A MSFT_TEST_ token anywhere makes a test lead; otherwise a referral/engagement id or a
        /// SalesQualified/Direct qualification makes a co-sell referral. Never throws for any text.
        /// </summary>
        public static ParsedLead Parse(LeadFields fields, EnrichmentSettings? settings)
        {
            if (fields == null) throw new ArgumentNullException(nameof(fields));
            var config = settings ?? EnrichmentSettings.Default;
            var extras = fields.ExtraSourceValues;
            var problems = (List<string>?)null;

            // 1. Test token anywhere; co-sell marks in the free-text columns.
            var testToken = FindTestToken(fields);
            CoSellSignal? coSell = null;
            if (testToken == null) coSell = FindCoSell(fields);

            // 2. JSON payload in description (only when description starts with '{').
            bool descriptionIsJson = MarketplacePayload.LooksLikeJsonObject(fields.Description);
            var payload = descriptionIsJson ? MarketplacePayload.TryRead(fields.Description) : null;

            // 3. Combined value.
            string? sourceColumn = null;
            var combined = CombinedSource.Find(fields.Subject);
            if (combined != null) sourceColumn = LeadTable.Columns.Subject;
            // A JSON description is read as a payload, not scanned as text (its quotes would cling to the offer).
            if (combined == null && payload == null)
            {
                combined = CombinedSource.Find(fields.Description);
                if (combined != null) sourceColumn = LeadTable.Columns.Description;
            }
            if (combined == null)
            {
                combined = CombinedSource.Find(fields.LeadSource);
                if (combined != null) sourceColumn = LeadTable.Columns.LeadSource;
            }
            if (combined == null && extras != null)
            {
                for (int i = 0; i < extras.Count && combined == null; i++)
                {
                    combined = CombinedSource.Find(extras[i]);
                    if (combined != null) sourceColumn = i < config.ExtraSourceColumns.Count ? config.ExtraSourceColumns[i] : "extra column " + (i + 1);
                }
            }
            if (combined == null && payload != null)
            {
                combined = CombinedSource.Find(payload.LeadSource);
                if (combined != null) sourceColumn = LeadTable.Columns.Description;
            }

            var shape = LeadInputShape.None;
            var source = MarketplaceSource.None;
            string? sourceText = null;
            LeadAction? action = null;
            string? actionText = null;
            string? publisherId = null, offerId = null, offerTitle = null;

            if (combined != null)
            {
                shape = sourceColumn == LeadTable.Columns.Description && payload != null ? LeadInputShape.JsonPayload : LeadInputShape.CombinedSource;
                source = combined.Source;
                sourceText = combined.SourceText;
                action = combined.Action;
                actionText = combined.ActionText;
                publisherId = combined.PublisherId;
                offerId = combined.OfferId;
                offerTitle = combined.OfferTitle;
            }
            else
            {
                ReadSeparateFields(fields, payload, out shape, out sourceColumn, out source, out sourceText, out action, out actionText);
            }
            if (payload != null && payload.OfferTitle != null) offerTitle = payload.OfferTitle;

            bool recognised = source != MarketplaceSource.None && source != MarketplaceSource.Unknown
                || action.HasValue && action.Value != LeadAction.Other
                || combined != null
                || payload != null && (payload.HasUserDetails
                    || payload.IsLeadPayload && (payload.FirstName != null || payload.Email != null) && (payload.LeadSource != null || payload.ActionCode != null || payload.OfferTitle != null));
            bool byWriter = false;
            if (!recognised && config.IsMarketplaceWriter(fields.CreatedByUserId))
            {
                recognised = true;
                byWriter = true;
                Add(ref problems, "no marketplace source or action found (recognised by the creating Lead Writer user)");
            }
            if (recognised && shape == LeadInputShape.None && payload != null && payload.IsLeadPayload)
            {
                shape = LeadInputShape.JsonPayload;
                sourceColumn = LeadTable.Columns.Description;
            }

            var kind = testToken != null ? LeadKind.Test
                : coSell != null ? LeadKind.CoSell
                : recognised ? LeadKind.Marketplace
                : LeadKind.NotMarketplace;

            if (kind == LeadKind.NotMarketplace)
            {
                return new ParsedLead
                {
                    Kind = kind,
                    LeadId = fields.LeadId,
                    CampaignCode = payload?.CampaignCode,
                    CampaignSource = payload?.CampaignSource,
                    Payload = payload,
                };
            }

            if (kind == LeadKind.Marketplace)
            {
                if (source == MarketplaceSource.Unknown) Add(ref problems, "unknown source code '" + ColumnText.Quote(sourceText) + "'");
                else if (source == MarketplaceSource.None && !byWriter) Add(ref problems, "no source code");
                if (action == LeadAction.Other) Add(ref problems, "unknown action code '" + ColumnText.Quote(actionText) + "'");
                else if (!action.HasValue && !byWriter) Add(ref problems, "no action code");
                if (payload != null && payload.IsMalformed)
                {
                    Add(ref problems, "the JSON payload was malformed (" + (payload.Diagnostics.Count > 0 ? ColumnText.Quote(payload.Diagnostics[0]) : "incomplete") + ")");
                }
            }

            // Contact data: the lead's own values first, the payload's only to fill gaps.
            string? company = StringRanges.TrimToNull(fields.CompanyName) ?? payload?.Company;
            string? jobTitle = StringRanges.TrimToNull(fields.JobTitle) ?? payload?.Title;
            string? phone = StringRanges.TrimToNull(fields.Phone) ?? payload?.Phone;
            string? ownEmail = StringRanges.TrimToNull(fields.Email);
            var email = EmailAddresses.Normalize(ownEmail ?? payload?.Email, config.FreeMailDomains);
            string? ownCountry = StringRanges.TrimToNull(fields.Country);
            string? countryText = ownCountry ?? payload?.Country;
            string? countryCode = CountryCodes.ToAlpha2(ownCountry);
            if (countryCode == null && payload?.Country != null)
            {
                countryCode = CountryCodes.ToAlpha2(payload.Country);
                if (countryCode != null) countryText = payload.Country;
            }

            var updates = BuildUpdates(fields, payload);
            return new ParsedLead
            {
                Kind = kind,
                LeadId = fields.LeadId,
                // Recognition: where the source was found and what it says.
                Shape = shape,
                SourceColumn = sourceColumn,
                Source = source,
                SourceText = sourceText,
                Action = action,
                ActionText = actionText,
                PublisherId = publisherId,
                OfferId = offerId,
                OfferTitle = offerTitle,
                CreatedByMarketplaceWriter = byWriter,
                // Signals and campaign.
                TestToken = testToken,
                CoSell = coSell,
                CampaignCode = payload?.CampaignCode,
                CampaignSource = payload?.CampaignSource,
                // Contact.
                Email = email,
                CountryCode = countryCode,
                CountryText = countryText,
                HasPhone = StringRanges.CountDigits(phone) >= MinPhoneDigits,
                HasCompany = company != null,
                JobTitle = jobTitle,
                ContactUpdates = updates,
                Payload = payload,
                Problems = problems == null ? (IReadOnlyList<string>)Array.Empty<string>() : problems.ToArray(),
            };
        }

        private static void ReadSeparateFields(LeadFields fields, MarketplacePayload? payload, out LeadInputShape shape, out string? sourceColumn,
            out MarketplaceSource source, out string? sourceText, out LeadAction? action, out string? actionText)
        {
            shape = LeadInputShape.None;
            sourceColumn = null;
            source = MarketplaceSource.None;
            sourceText = null;
            action = null;
            actionText = null;
            bool sourceIsLabel = false, actionIsLabel = false;

            string? rawSource = StringRanges.TrimToNull(fields.LeadSource);
            string? rawAction = StringRanges.TrimToNull(fields.ActionCode);
            if (rawSource != null)
            {
                source = LeadCodes.MatchSource(rawSource, 0, rawSource.Length, out sourceIsLabel);
                sourceText = source == MarketplaceSource.Unknown || source == MarketplaceSource.TestToken ? rawSource : LeadCodes.SourceCodeText(source);
            }
            if (rawAction != null)
            {
                if (LeadCodes.IsTestToken(rawAction, 0, rawAction.Length))
                {
                    actionText = rawAction;
                }
                else
                {
                    action = LeadCodes.MatchAction(rawAction, 0, rawAction.Length, out actionIsLabel);
                    actionText = rawAction;
                }
            }
            bool fromColumns = source != MarketplaceSource.None && source != MarketplaceSource.Unknown
                || action.HasValue && action.Value != LeadAction.Other;
            // An unknown value in our own columns counts only next to a known one.
            if (fromColumns)
            {
                shape = sourceIsLabel || actionIsLabel ? LeadInputShape.PartnerCenterLabels : LeadInputShape.SeparateFields;
                sourceColumn = rawSource != null ? LeadTable.Columns.LeadSource : LeadTable.Columns.ActionCode;
            }
            else
            {
                source = MarketplaceSource.None;
                sourceText = null;
                action = null;
                actionText = null;
            }

            if (payload == null) return;
            bool fromPayload = false;
            if (source == MarketplaceSource.None && payload.LeadSource != null)
            {
                bool ignored;
                source = LeadCodes.MatchSource(payload.LeadSource, 0, payload.LeadSource.Length, out ignored);
                sourceText = source == MarketplaceSource.Unknown || source == MarketplaceSource.TestToken ? payload.LeadSource : LeadCodes.SourceCodeText(source);
                fromPayload = true;
            }
            if (!action.HasValue && payload.ActionCode != null && !LeadCodes.IsTestToken(payload.ActionCode, 0, payload.ActionCode.Length))
            {
                bool ignored;
                action = LeadCodes.MatchAction(payload.ActionCode, 0, payload.ActionCode.Length, out ignored);
                actionText = payload.ActionCode;
                fromPayload = true;
            }
            if (fromPayload && shape == LeadInputShape.None)
            {
                shape = LeadInputShape.JsonPayload;
                sourceColumn = LeadTable.Columns.Description;
            }
        }

        private static ContactUpdates BuildUpdates(LeadFields fields, MarketplacePayload? payload)
        {
            string? firstName = Fill(fields.FirstName, payload?.FirstName, true, LeadTable.MaxLength.FirstName);
            string? lastName = Fill(fields.LastName, payload?.LastName, true, LeadTable.MaxLength.LastName);
            string? email = Fill(fields.Email, payload?.Email, true, LeadTable.MaxLength.EmailAddress1);
            string? phone = Fill(fields.Phone, payload?.Phone, false, LeadTable.MaxLength.Telephone1);
            string? company = Fill(fields.CompanyName, payload?.Company, true, LeadTable.MaxLength.CompanyName);
            string? jobTitle = Fill(fields.JobTitle, payload?.Title, true, LeadTable.MaxLength.JobTitle);
            string? country = Fill(fields.Country, payload?.Country, false, LeadTable.MaxLength.Address1Country);
            if (firstName == null && lastName == null && email == null && phone == null && company == null && jobTitle == null && country == null)
            {
                return ContactUpdates.None;
            }
            return new ContactUpdates(firstName, lastName, email, phone, company, jobTitle, country);
        }

        // Fill an empty column from the payload; trim a set value when asked; otherwise leave it.
        private static string? Fill(string? own, string? fromPayload, bool trimOwn, int maxLength)
        {
            if (!StringRanges.IsBlank(own))
            {
                if (!trimOwn) return null;
                var trimmed = StringRanges.TrimToNull(own)!;
                return trimmed.Length == own!.Length ? null : ColumnText.Truncate(trimmed, maxLength);
            }
            return fromPayload == null ? null : ColumnText.Truncate(fromPayload, maxLength);
        }

        private static TestLeadToken? FindTestToken(LeadFields fields)
        {
            var token = TestLeadToken.Find(fields.Subject) ?? TestLeadToken.Find(fields.Description) ?? TestLeadToken.Find(fields.LeadSource)
                ?? TestLeadToken.Find(fields.ActionCode) ?? TestLeadToken.Find(fields.FirstName) ?? TestLeadToken.Find(fields.LastName)
                ?? TestLeadToken.Find(fields.Email) ?? TestLeadToken.Find(fields.CompanyName) ?? TestLeadToken.Find(fields.JobTitle)
                ?? TestLeadToken.Find(fields.Phone) ?? TestLeadToken.Find(fields.Country);
            var extras = fields.ExtraSourceValues;
            if (token == null && extras != null)
            {
                for (int i = 0; i < extras.Count && token == null; i++) token = TestLeadToken.Find(extras[i]);
            }
            return token;
        }

        private static CoSellSignal? FindCoSell(LeadFields fields)
        {
            string? referralId = null, engagementId = null, qualification = null;
            if (fields.Subject != null) CoSellSignal.Scan(fields.Subject, ref referralId, ref engagementId, ref qualification);
            if (fields.Description != null) CoSellSignal.Scan(fields.Description, ref referralId, ref engagementId, ref qualification);
            if (fields.LeadSource != null) CoSellSignal.Scan(fields.LeadSource, ref referralId, ref engagementId, ref qualification);
            var extras = fields.ExtraSourceValues;
            if (extras != null)
            {
                for (int i = 0; i < extras.Count; i++)
                {
                    if (extras[i] != null) CoSellSignal.Scan(extras[i]!, ref referralId, ref engagementId, ref qualification);
                }
            }
            return referralId == null && engagementId == null && qualification == null ? null : new CoSellSignal(referralId, engagementId, qualification);
        }

        private static void Add(ref List<string>? list, string problem)
        {
            if (list == null) list = new List<string>(2);
            list.Add(problem);
        }
    }
}
