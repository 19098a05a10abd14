import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { mazricaProfile } from '../../nodes/Mazrica/transport/profile';
import { Rodem } from '../../nodes/Rodem/Rodem.node';
import { rodemProfile } from '../../nodes/Rodem/transport/profile';
import { yappliProfile } from '../../nodes/YappliCrm/transport/profile';
import { YappliCrm } from '../../nodes/YappliCrm/YappliCrm.node';
import { passwordParameterPaths } from './secret-scan';

/** A profile's `secretParameters` is the one list the transport masks: it must name every password-typed parameter. */
test.each([
	['Mazrica', new Mazrica().description.properties, mazricaProfile.secretParameters],
	['Yappli CRM', new YappliCrm().description.properties, yappliProfile.secretParameters],
	['RODEM', new Rodem().description.properties, rodemProfile.secretParameters],
])('%s: the profile lists every password-typed parameter of the node', (_, properties, listed) => {
	const found = [...new Set(passwordParameterPaths(properties))].sort();
	expect([...(listed ?? [])].sort()).toEqual(found);
});
