// Placeholder: owned by the report-model work (see issue 2 §2). Replaced by the real model.
export interface ReportModel { readonly placeholder?: never }
