declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
