// Generated from contracts/request-schemas.ts by contracts/generate/request-validators.ts: do not edit.
// After changing a request schema, run `npm run contracts:compile`; a test fails until then.
// @ts-nocheck
/* eslint-disable */
/* c8 ignore start */
import runtime_ucs2length from 'ajv/dist/runtime/ucs2length.js'
export const loginRequest = validate0;
const schema0 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"login-request.json","type":"object","required":["ver","username","password"],"properties":{"ver":{"$ref":"parameters.json#/$defs/version","description":"API version"},"username":{"$ref":"parameters.json#/$defs/text","description":"the admin username"},"password":{"$ref":"parameters.json#/$defs/text","description":"the admin password"}}};
const schema2 = {"type":"string","enum":["2.0"],"description":"\"2.0\""};
const schema3 = {"type":"string","minLength":1,"maxLength":256,"description":"1 to 256 characters"};
const func0 = runtime_ucs2length.default;

function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="login-request.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate0.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ver === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ver"},message:"must have required property '"+"ver"+"'",schema:schema0.required,parentSchema:schema0,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.username === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:schema0.required,parentSchema:schema0,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.password === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:schema0.required,parentSchema:schema0,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.ver !== undefined){
let data0 = data.ver;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/ver",schemaPath:"parameters.json#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema2.type,parentSchema:schema2,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(!(data0 === "2.0")){
const err4 = {instancePath:instancePath+"/ver",schemaPath:"parameters.json#/$defs/version/enum",keyword:"enum",params:{allowedValues: schema2.enum},message:"must be equal to one of the allowed values",schema:schema2.enum,parentSchema:schema2,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.username !== undefined){
let data1 = data.username;
if(typeof data1 === "string"){
if(func0(data1) > 256){
const err5 = {instancePath:instancePath+"/username",schemaPath:"parameters.json#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema3,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func0(data1) < 1){
const err6 = {instancePath:instancePath+"/username",schemaPath:"parameters.json#/$defs/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema3,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/username",schemaPath:"parameters.json#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema3.type,parentSchema:schema3,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.password !== undefined){
let data2 = data.password;
if(typeof data2 === "string"){
if(func0(data2) > 256){
const err8 = {instancePath:instancePath+"/password",schemaPath:"parameters.json#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema3,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func0(data2) < 1){
const err9 = {instancePath:instancePath+"/password",schemaPath:"parameters.json#/$defs/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema3,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/password",schemaPath:"parameters.json#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema3.type,parentSchema:schema3,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.type,parentSchema:schema0,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate0.errors = vErrors;
return errors === 0;
}
validate0.evaluated = {"props":{"ver":true,"username":true,"password":true},"dynamicProps":false,"dynamicItems":false};

export const eventListRequest = validate2;
const schema5 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"event-list-request.json","type":"object","required":["si","ui"],"properties":{"ver":{"$ref":"parameters.json#/$defs/version","description":"API version"},"si":{"$ref":"parameters.json#/$defs/token","description":"the session id from login"},"ui":{"$ref":"parameters.json#/$defs/token","description":"the user id from login"}}};
const schema7 = {"type":"string","minLength":1,"maxLength":128,"pattern":"^[A-Za-z0-9]+$","description":"the value login gave (letters and digits)"};
const pattern0 = new RegExp("^[A-Za-z0-9]+$", "u");

function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="event-list-request.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate2.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.si === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "si"},message:"must have required property '"+"si"+"'",schema:schema5.required,parentSchema:schema5,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.ui === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ui"},message:"must have required property '"+"ui"+"'",schema:schema5.required,parentSchema:schema5,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.ver !== undefined){
let data0 = data.ver;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/ver",schemaPath:"parameters.json#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema2.type,parentSchema:schema2,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!(data0 === "2.0")){
const err3 = {instancePath:instancePath+"/ver",schemaPath:"parameters.json#/$defs/version/enum",keyword:"enum",params:{allowedValues: schema2.enum},message:"must be equal to one of the allowed values",schema:schema2.enum,parentSchema:schema2,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.si !== undefined){
let data1 = data.si;
if(typeof data1 === "string"){
if(func0(data1) > 128){
const err4 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func0(data1) < 1){
const err5 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!pattern0.test(data1)){
const err6 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]+$"},message:"must match pattern \""+"^[A-Za-z0-9]+$"+"\"",schema:"^[A-Za-z0-9]+$",parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.type,parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.ui !== undefined){
let data2 = data.ui;
if(typeof data2 === "string"){
if(func0(data2) > 128){
const err8 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func0(data2) < 1){
const err9 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern0.test(data2)){
const err10 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]+$"},message:"must match pattern \""+"^[A-Za-z0-9]+$"+"\"",schema:"^[A-Za-z0-9]+$",parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.type,parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema5.type,parentSchema:schema5,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate2.errors = vErrors;
return errors === 0;
}
validate2.evaluated = {"props":{"ver":true,"si":true,"ui":true},"dynamicProps":false,"dynamicItems":false};

export const audienceReportRequest = validate3;
const schema9 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"audience-report-request.json","type":"object","required":["ver","si","ui","ei"],"properties":{"ver":{"$ref":"parameters.json#/$defs/version","description":"API version"},"si":{"$ref":"parameters.json#/$defs/token","description":"the session id from login"},"ui":{"$ref":"parameters.json#/$defs/token","description":"the user id from login"},"ei":{"$ref":"parameters.json#/$defs/eventId","description":"the event"},"tz":{"$ref":"parameters.json#/$defs/zone","description":"the zone every time is shown in"},"date_range_start":{"$ref":"parameters.json#/$defs/usDate","description":"first day of the date range"},"date_range_end":{"$ref":"parameters.json#/$defs/usDate","description":"last day of the date range"},"dr_regs":{"$ref":"parameters.json#/$defs/onOff","description":"the range applies to registrations"},"dr_sessions":{"$ref":"parameters.json#/$defs/onOff","description":"the range applies to viewing sessions"},"sti_filter":{"$ref":"parameters.json#/$defs/pipeList","description":"source tracking ids"},"excl_domain":{"$ref":"parameters.json#/$defs/pipeList","description":"email domains left out"},"incl_domain":{"$ref":"parameters.json#/$defs/pipeList","description":"email domains kept"},"users_qa":{"$ref":"parameters.json#/$defs/onOff","description":"asked a question"},"user_survey":{"$ref":"parameters.json#/$defs/onOff","description":"answered the survey"},"no_shows":{"$ref":"parameters.json#/$defs/onOff","description":"watched nothing"},"live_viewers":{"$ref":"parameters.json#/$defs/onOff","description":"watched live"},"od_viewers":{"$ref":"parameters.json#/$defs/onOff","description":"watched on demand"},"simlive_viewers":{"$ref":"parameters.json#/$defs/onOff","description":"watched a sim-live rebroadcast"}}};
const schema13 = {"type":"string","pattern":"^\\d{7}$","description":"a 7-digit event id"};
const schema14 = {"type":"string","maxLength":64,"pattern":"^[A-Za-z0-9_+\\-/]+$","description":"an IANA time zone name, GMT or UTC"};
const schema15 = {"type":"string","pattern":"^\\d{2}/\\d{2}/\\d{4}$","description":"a date as mm/dd/yyyy"};
const schema17 = {"type":"string","pattern":"^([oO][nN]|[oO][fF][fF])$","description":"\"on\" or \"off\" (any case)"};
const schema19 = {"type":"string","maxLength":2048,"description":"values separated by |, at most 2048 characters"};
const pattern4 = new RegExp("^\\d{7}$", "u");
const pattern5 = new RegExp("^[A-Za-z0-9_+\\-/]+$", "u");
const pattern6 = new RegExp("^\\d{2}/\\d{2}/\\d{4}$", "u");
const pattern8 = new RegExp("^([oO][nN]|[oO][fF][fF])$", "u");

function validate3(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="audience-report-request.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate3.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ver === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ver"},message:"must have required property '"+"ver"+"'",schema:schema9.required,parentSchema:schema9,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.si === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "si"},message:"must have required property '"+"si"+"'",schema:schema9.required,parentSchema:schema9,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.ui === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ui"},message:"must have required property '"+"ui"+"'",schema:schema9.required,parentSchema:schema9,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.ei === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ei"},message:"must have required property '"+"ei"+"'",schema:schema9.required,parentSchema:schema9,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.ver !== undefined){
let data0 = data.ver;
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/ver",schemaPath:"parameters.json#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema2.type,parentSchema:schema2,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!(data0 === "2.0")){
const err5 = {instancePath:instancePath+"/ver",schemaPath:"parameters.json#/$defs/version/enum",keyword:"enum",params:{allowedValues: schema2.enum},message:"must be equal to one of the allowed values",schema:schema2.enum,parentSchema:schema2,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.si !== undefined){
let data1 = data.si;
if(typeof data1 === "string"){
if(func0(data1) > 128){
const err6 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(func0(data1) < 1){
const err7 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!pattern0.test(data1)){
const err8 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]+$"},message:"must match pattern \""+"^[A-Za-z0-9]+$"+"\"",schema:"^[A-Za-z0-9]+$",parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/si",schemaPath:"parameters.json#/$defs/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.type,parentSchema:schema7,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.ui !== undefined){
let data2 = data.ui;
if(typeof data2 === "string"){
if(func0(data2) > 128){
const err10 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func0(data2) < 1){
const err11 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern0.test(data2)){
const err12 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]+$"},message:"must match pattern \""+"^[A-Za-z0-9]+$"+"\"",schema:"^[A-Za-z0-9]+$",parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/ui",schemaPath:"parameters.json#/$defs/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.type,parentSchema:schema7,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.ei !== undefined){
let data3 = data.ei;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err14 = {instancePath:instancePath+"/ei",schemaPath:"parameters.json#/$defs/eventId/pattern",keyword:"pattern",params:{pattern: "^\\d{7}$"},message:"must match pattern \""+"^\\d{7}$"+"\"",schema:"^\\d{7}$",parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/ei",schemaPath:"parameters.json#/$defs/eventId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.tz !== undefined){
let data4 = data.tz;
if(typeof data4 === "string"){
if(func0(data4) > 64){
const err16 = {instancePath:instancePath+"/tz",schemaPath:"parameters.json#/$defs/zone/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!pattern5.test(data4)){
const err17 = {instancePath:instancePath+"/tz",schemaPath:"parameters.json#/$defs/zone/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_+\\-/]+$"},message:"must match pattern \""+"^[A-Za-z0-9_+\\-/]+$"+"\"",schema:"^[A-Za-z0-9_+\\-/]+$",parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/tz",schemaPath:"parameters.json#/$defs/zone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.date_range_start !== undefined){
let data5 = data.date_range_start;
if(typeof data5 === "string"){
if(!pattern6.test(data5)){
const err19 = {instancePath:instancePath+"/date_range_start",schemaPath:"parameters.json#/$defs/usDate/pattern",keyword:"pattern",params:{pattern: "^\\d{2}/\\d{2}/\\d{4}$"},message:"must match pattern \""+"^\\d{2}/\\d{2}/\\d{4}$"+"\"",schema:"^\\d{2}/\\d{2}/\\d{4}$",parentSchema:schema15,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/date_range_start",schemaPath:"parameters.json#/$defs/usDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.date_range_end !== undefined){
let data6 = data.date_range_end;
if(typeof data6 === "string"){
if(!pattern6.test(data6)){
const err21 = {instancePath:instancePath+"/date_range_end",schemaPath:"parameters.json#/$defs/usDate/pattern",keyword:"pattern",params:{pattern: "^\\d{2}/\\d{2}/\\d{4}$"},message:"must match pattern \""+"^\\d{2}/\\d{2}/\\d{4}$"+"\"",schema:"^\\d{2}/\\d{2}/\\d{4}$",parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/date_range_end",schemaPath:"parameters.json#/$defs/usDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.dr_regs !== undefined){
let data7 = data.dr_regs;
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
const err23 = {instancePath:instancePath+"/dr_regs",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/dr_regs",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.dr_sessions !== undefined){
let data8 = data.dr_sessions;
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
const err25 = {instancePath:instancePath+"/dr_sessions",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/dr_sessions",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.sti_filter !== undefined){
let data9 = data.sti_filter;
if(typeof data9 === "string"){
if(func0(data9) > 2048){
const err27 = {instancePath:instancePath+"/sti_filter",schemaPath:"parameters.json#/$defs/pipeList/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema19,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/sti_filter",schemaPath:"parameters.json#/$defs/pipeList/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.excl_domain !== undefined){
let data10 = data.excl_domain;
if(typeof data10 === "string"){
if(func0(data10) > 2048){
const err29 = {instancePath:instancePath+"/excl_domain",schemaPath:"parameters.json#/$defs/pipeList/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema19,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/excl_domain",schemaPath:"parameters.json#/$defs/pipeList/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.incl_domain !== undefined){
let data11 = data.incl_domain;
if(typeof data11 === "string"){
if(func0(data11) > 2048){
const err31 = {instancePath:instancePath+"/incl_domain",schemaPath:"parameters.json#/$defs/pipeList/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema19,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/incl_domain",schemaPath:"parameters.json#/$defs/pipeList/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.users_qa !== undefined){
let data12 = data.users_qa;
if(typeof data12 === "string"){
if(!pattern8.test(data12)){
const err33 = {instancePath:instancePath+"/users_qa",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/users_qa",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.user_survey !== undefined){
let data13 = data.user_survey;
if(typeof data13 === "string"){
if(!pattern8.test(data13)){
const err35 = {instancePath:instancePath+"/user_survey",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/user_survey",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.no_shows !== undefined){
let data14 = data.no_shows;
if(typeof data14 === "string"){
if(!pattern8.test(data14)){
const err37 = {instancePath:instancePath+"/no_shows",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/no_shows",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.live_viewers !== undefined){
let data15 = data.live_viewers;
if(typeof data15 === "string"){
if(!pattern8.test(data15)){
const err39 = {instancePath:instancePath+"/live_viewers",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/live_viewers",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.od_viewers !== undefined){
let data16 = data.od_viewers;
if(typeof data16 === "string"){
if(!pattern8.test(data16)){
const err41 = {instancePath:instancePath+"/od_viewers",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/od_viewers",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.simlive_viewers !== undefined){
let data17 = data.simlive_viewers;
if(typeof data17 === "string"){
if(!pattern8.test(data17)){
const err43 = {instancePath:instancePath+"/simlive_viewers",schemaPath:"parameters.json#/$defs/onOff/pattern",keyword:"pattern",params:{pattern: "^([oO][nN]|[oO][fF][fF])$"},message:"must match pattern \""+"^([oO][nN]|[oO][fF][fF])$"+"\"",schema:"^([oO][nN]|[oO][fF][fF])$",parentSchema:schema17,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/simlive_viewers",schemaPath:"parameters.json#/$defs/onOff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.type,parentSchema:schema9,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate3.errors = vErrors;
return errors === 0;
}
validate3.evaluated = {"props":{"ver":true,"si":true,"ui":true,"ei":true,"tz":true,"date_range_start":true,"date_range_end":true,"dr_regs":true,"dr_sessions":true,"sti_filter":true,"excl_domain":true,"incl_domain":true,"users_qa":true,"user_survey":true,"no_shows":true,"live_viewers":true,"od_viewers":true,"simlive_viewers":true},"dynamicProps":false,"dynamicItems":false};

export const healthRequest = validate4;
const schema28 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"health-request.json","type":"object","required":[],"properties":{}};

function validate4(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="health-request.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate4.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(data && typeof data == "object" && !Array.isArray(data))){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate4.errors = vErrors;
return errors === 0;
}
validate4.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const openapiRequest = validate5;
const schema29 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"openapi-request.json","type":"object","required":[],"properties":{}};

function validate5(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="openapi-request.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate5.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(data && typeof data == "object" && !Array.isArray(data))){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate5.errors = vErrors;
return errors === 0;
}
validate5.evaluated = {"dynamicProps":false,"dynamicItems":false};

/** Each compiled validator by the `$id` of its contract. */
export const REQUEST_VALIDATORS = { 'login-request.json': loginRequest, 'event-list-request.json': eventListRequest, 'audience-report-request.json': audienceReportRequest, 'health-request.json': healthRequest, 'openapi-request.json': openapiRequest, }
/* c8 ignore stop */
