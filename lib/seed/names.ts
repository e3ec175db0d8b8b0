import type { SeedCurrency } from '@/lib/seed/money';

/** Word lists for generated merchants, people and addresses. Plain ASCII only. */

export const BUSINESS_FIRST = [
  'Northwind',
  'Bluebird',
  'Cedar',
  'Harbor',
  'Summit',
  'Copper',
  'Willow',
  'Granite',
  'Lantern',
  'Maple',
  'Orchard',
  'Pioneer',
  'Riverside',
  'Silverline',
  'Tidewater',
  'Evergreen',
  'Foxglove',
  'Juniper',
  'Kestrel',
  'Meadow',
  'Oakridge',
  'Pinecrest',
  'Quarry',
  'Redwood',
  'Saffron',
  'Thistle',
  'Umber',
  'Vantage',
  'Wren',
  'Zephyr',
] as const;

export const BUSINESS_SECOND = [
  'Coffee',
  'Books',
  'Cycles',
  'Apparel',
  'Outdoor',
  'Home Goods',
  'Studio',
  'Tea House',
  'Games',
  'Botanicals',
  'Audio',
  'Bakery',
  'Ceramics',
  'Electronics',
  'Fitness',
  'Gallery',
  'Kitchen',
  'Leather',
  'Optics',
  'Pet Supply',
] as const;

export const BUSINESS_SUFFIX = ['Co.', 'Ltd', 'Inc.', 'Supply', 'Collective', 'Works'] as const;

export const BUSINESS_TYPES = ['corporation', 'llc', 'sole_proprietorship'] as const;

export const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Victor',
  'Wei',
  'Yara',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Adams',
  'Bauer',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Novak',
  'Walsh',
  'Young',
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export interface SeedAddress {
  line1: string;
  city: string;
  state: string | null;
  postal_code: string;
  country: string;
}

/** A few addresses per currency's home market; a merchant's address matches its currency. */
export const ADDRESSES: Record<SeedCurrency, readonly SeedAddress[]> = {
  USD: [
    { line1: '120 Pike Street', city: 'Seattle', state: 'WA', postal_code: '98101', country: 'US' },
    { line1: '77 Congress Avenue', city: 'Austin', state: 'TX', postal_code: '78701', country: 'US' },
    { line1: '45 Court Street', city: 'Brooklyn', state: 'NY', postal_code: '11201', country: 'US' },
  ],
  EUR: [
    { line1: 'Torstrasse 140', city: 'Berlin', state: null, postal_code: '10119', country: 'DE' },
    { line1: '18 Rue Oberkampf', city: 'Paris', state: null, postal_code: '75011', country: 'FR' },
    { line1: 'Prinsengracht 263', city: 'Amsterdam', state: null, postal_code: '1016 GV', country: 'NL' },
  ],
  GBP: [
    { line1: '21 Brick Lane', city: 'London', state: null, postal_code: 'E1 6PU', country: 'GB' },
    { line1: '8 Deansgate', city: 'Manchester', state: null, postal_code: 'M3 2BW', country: 'GB' },
  ],
  JPY: [
    { line1: '1-2-3 Jingumae', city: 'Shibuya-ku', state: 'Tokyo', postal_code: '150-0001', country: 'JP' },
    { line1: '4-5-6 Namba', city: 'Chuo-ku', state: 'Osaka', postal_code: '542-0076', country: 'JP' },
  ],
  KWD: [
    {
      line1: 'Block 3, Street 10',
      city: 'Kuwait City',
      state: 'Al Asimah',
      postal_code: '13001',
      country: 'KW',
    },
  ],
};

export const PHONE_PREFIX: Record<SeedCurrency, string> = {
  USD: '+1206555',
  EUR: '+4930555',
  GBP: '+4420755',
  JPY: '+8135555',
  KWD: '+9652255',
};
