/**
 * Reflection worksheets (practices 2 and 6). The prompt ids are stored; the texts live in
 * messages/*.json as `reflection_prompt_<id with underscores>` and `…_hint`.
 */
export const REFLECTION_PROMPTS = ['why-it-happened', 'my-part', 'what-i-change', 'what-we-learnt', 'our-relationship', 'parting-well'] as const;
export type ReflectionPrompt = (typeof REFLECTION_PROMPTS)[number];
export const isReflectionPrompt = (value: string): value is ReflectionPrompt => (REFLECTION_PROMPTS as readonly string[]).includes(value);
