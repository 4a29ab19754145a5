import { describe, expect, it } from 'vitest';
import { BRAZIL_AREA_CODES, formatPhone, isValidPhone, normalizePhone } from '../../src/identity/index.js';

const e164 = (input: string, options?: Parameters<typeof normalizePhone>[1]): string | undefined => {
  const r = normalizePhone(input, options);
  return r.valid ? r.e164 : undefined;
};
const reason = (input: string, options?: Parameters<typeof normalizePhone>[1]): string | undefined => {
  const r = normalizePhone(input, options);
  return r.valid ? undefined : r.reason;
};

describe('Brazil (Anatel numbering plan)', () => {
  it('has the 67 area codes in use', () => {
    // Anatel, "Códigos de Área (DDD)": 67 codes, 11–99 without 20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56–60, 70, 72, 76, 78, 80, 90.
    expect(BRAZIL_AREA_CODES).toHaveLength(67);
    for (const gap of ['20', '23', '25', '26', '29', '30', '36', '39', '40', '50', '52', '56', '57', '58', '59', '60', '70', '72', '76', '78', '80', '90']) {
      expect(BRAZIL_AREA_CODES).not.toContain(gap);
    }
  });

  it('normalises mobiles and landlines in the usual spellings', () => {
    expect(normalizePhone('(11) 91234-5678')).toEqual({
      valid: true, e164: '+5511912345678', country: 'BR', lineType: 'mobile', planChecked: true, ninthDigitAdded: false,
    });
    expect(e164('+55 (21) 3456-7890')).toBe('+552134567890');
    expect(normalizePhone('+55 (21) 3456-7890').valid && normalizePhone('+55 (21) 3456-7890')).toMatchObject({ lineType: 'landline' });
    expect(e164('11912345678')).toBe('+5511912345678');
    expect(e164('5511912345678')).toBe('+5511912345678');
    expect(e164('011 3456-7890')).toBe('+551134567890');
    // Trunk prefix 0 and carrier selection code 21 before the area code.
    expect(e164('0 21 11 91234-5678')).toBe('+5511912345678');
    expect(e164('0xx11 3456-7890')).toBe('+551134567890');
    // Area code 55 (Rio Grande do Sul) is not mistaken for the country code.
    expect(e164('(55) 99123-4567')).toBe('+5555991234567');
    expect(e164('(11) 91234-5678 ramal 12')).toBe('+5511912345678');
  });

  it('adds the ninth digit to an old-format mobile, unless told not to', () => {
    // Anatel Resolução 553/2010: mobile numbers got a leading 9, nationwide by November 2016.
    expect(normalizePhone('(11) 8765-4321')).toMatchObject({ valid: true, e164: '+5511987654321', ninthDigitAdded: true, lineType: 'mobile' });
    expect(reason('(11) 8765-4321', { addNinthDigit: false })).toBe('invalid_number');
  });

  it('rejects impossible numbers', () => {
    expect(reason('(20) 91234-5678')).toBe('invalid_area_code');
    expect(reason('(11) 81234-5678')).toBe('invalid_number'); // 9 digits must start with 9
    expect(reason('(11) 1234-5678')).toBe('invalid_number'); // landlines start 2–5
    expect(reason('91234-5678')).toBe('missing_area_code');
    expect(reason('0800 123 4567')).toBe('service_number');
    // Ten digits starting 9 after the area code read as an 8-digit mobile of before 2016: 9123-4567.
    expect(e164('(11) 91234-567')).toBe('+5511991234567');
    expect(reason('119123456789')).toBe('too_long');
    expect(reason('12345')).toBe('too_short');
    expect(reason('abc')).toBe('not_a_number');
    expect(reason('')).toBe('empty');
  });
});

describe('Portugal (ANACOM numbering plan)', () => {
  const pt = { defaultCountry: 'PT' } as const;
  it('normalises mobiles (91, 92, 93, 96) and landlines (2x)', () => {
    expect(normalizePhone('912 345 678', pt)).toMatchObject({ valid: true, e164: '+351912345678', country: 'PT', lineType: 'mobile' });
    expect(e164('96 123 4567', pt)).toBe('+351961234567');
    expect(normalizePhone('21 234 5678', pt)).toMatchObject({ e164: '+351212345678', lineType: 'landline' });
    expect(e164('+351 21 234 5678')).toBe('+351212345678');
    expect(e164('00351 912 345 678', pt)).toBe('+351912345678');
    expect(e164('351912345678', pt)).toBe('+351912345678');
  });
  it('rejects impossible numbers', () => {
    expect(reason('951 234 567', pt)).toBe('invalid_number');
    expect(reason('91234567', pt)).toBe('too_short');
    expect(reason('9123456789', pt)).toBe('too_long');
    expect(reason('800 123 456', pt)).toBe('service_number');
  });
});

describe('NANP', () => {
  const us = { defaultCountry: 'US' } as const;
  it('normalises NPA-NXX-XXXX', () => {
    expect(normalizePhone('(415) 555-2671', us)).toMatchObject({ valid: true, e164: '+14155552671', country: 'US', lineType: 'unknown' });
    expect(e164('1-415-555-2671', us)).toBe('+14155552671');
    expect(e164('+1 212 867 5309')).toBe('+12128675309');
    expect(e164('011 55 11 91234 5678', us)).toBe('+5511912345678');
  });
  it('rejects N11 codes, N9X area codes, exchanges starting 0/1 and the 555-01XX fiction range', () => {
    expect(reason('(911) 555-2671', us)).toBe('invalid_area_code');
    expect(reason('(195) 555-2671', us)).toBe('invalid_area_code');
    expect(reason('(495) 555-2671', us)).toBe('invalid_area_code');
    expect(reason('(415) 155-2671', us)).toBe('invalid_number');
    expect(reason('(415) 411-2671', us)).toBe('invalid_number');
    expect(reason('(212) 555-0123', us)).toBe('fictional');
    expect(reason('(800) 555-2671', us)).toBe('service_number');
  });
});

describe('other countries and formatting', () => {
  it('accepts other country codes on structure only', () => {
    expect(normalizePhone('+44 20 7946 0958')).toEqual({
      valid: true, e164: '+442079460958', country: undefined, lineType: 'unknown', planChecked: false, ninthDigitAdded: false,
    });
    expect(reason('+44 123')).toBe('too_short');
    expect(isValidPhone(5511912345678)).toBe(false);
  });
  it('formats for display', () => {
    expect(formatPhone('+5511912345678', 'national')).toBe('(11) 91234-5678');
    expect(formatPhone('+551134567890', 'national')).toBe('(11) 3456-7890');
    expect(formatPhone('+5511912345678')).toBe('+55 11 91234-5678');
    expect(formatPhone('+351912345678', 'national')).toBe('912 345 678');
    expect(formatPhone('+14155552671')).toBe('+1 415-555-2671');
    expect(formatPhone('+14155552671', 'national')).toBe('(415) 555-2671');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });
});
