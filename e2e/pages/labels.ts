// A field's label, exactly, allowing the asterisk Fluent UI adds to required fields.
export function labelled(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}
