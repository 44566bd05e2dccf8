import { analyzeOffThread } from '../coach/analyze';

/**
 * The coach's `intimate-detail` rule as gentle guidance for the account and for answers: it
 * never blocks a save. When the analyser is busy or the text too slow to read, there is simply no
 * hint this time.
 */
export async function mentionsIntimateDetail(text: string, owner: string): Promise<boolean> {
	try {
		const result = await analyzeOffThread(text, { owner });
		return result.findings.some((f) => f.ruleId === 'intimate-detail');
	} catch {
		return false;
	}
}
