// A cued invitation from the plan's template ("Tell me more about {{keyword}}.").
export function interpolateKeyword(template: string, keyword: string): string {
  return template.replace(/\{\{\s*keyword\s*\}\}/g, keyword);
}
