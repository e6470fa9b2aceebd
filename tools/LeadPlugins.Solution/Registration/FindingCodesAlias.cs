// The registration readers still name the finding codes by their old class name, Rules. They are being unified with
// the in-memory Dataverse's registration rules on another branch; drop this alias when that lands and uses FindingCodes.
global using Rules = LeadPlugins.Solution.FindingCodes;
