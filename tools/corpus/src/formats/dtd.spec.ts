import { parseDtd } from './dtd';

describe('parseDtd', () => {
  it('reads entities in double or single quotes and skips comments and access keys', () => {
    const source = `<!-- <!ENTITY commented "no"> -->
<!ENTITY status.label "Meddelandesäkerhet">
<!ENTITY status.accesskey "M">
<!ENTITY multi.label 'Visa
   certifikat &brandShortName;'>`;
    expect(parseDtd(source)).toEqual([
      { key: 'status.label', text: 'Meddelandesäkerhet' },
      { key: 'multi.label', text: 'Visa certifikat &brandShortName;' },
    ]);
  });
});
