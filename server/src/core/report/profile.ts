// Placeholder: owned by the report-model work (see issue 2 §2). Replaced by the real profile.
export interface Profile { readonly name: string }
