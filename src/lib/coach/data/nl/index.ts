// The coach's data for Dutch only: the browser loads one language (see ../lang/).
import type { LanguageData } from '../types';
import common from './common.json';
import blameShift from './blame-shift.json';
import butApology from './but-apology.json';
import conditionalApology from './conditional-apology.json';
import forgivenessPressure from './forgiveness-pressure.json';
import intimateDetail from './intimate-detail.json';
import justification from './justification.json';
import minimizing from './minimizing.json';
import missingAcknowledgment from './missing-acknowledgment.json';
import missingCommitment from './missing-commitment.json';
import missingOwnership from './missing-ownership.json';
import missingRegret from './missing-regret.json';
import selfPunishment from './self-punishment.json';
import vagueAgency from './vague-agency.json';

const data: LanguageData = {
	common,
	rules: {
		'blame-shift': blameShift,
		'but-apology': butApology,
		'conditional-apology': conditionalApology,
		'forgiveness-pressure': forgivenessPressure,
		'intimate-detail': intimateDetail,
		'justification': justification,
		'minimizing': minimizing,
		'missing-acknowledgment': missingAcknowledgment,
		'missing-commitment': missingCommitment,
		'missing-ownership': missingOwnership,
		'missing-regret': missingRegret,
		'self-punishment': selfPunishment,
		'vague-agency': vagueAgency
	}
};
export default data;
